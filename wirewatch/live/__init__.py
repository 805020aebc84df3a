"""Following live sources and alerting on what matters.

fetch.py   polite HTTP (conditional GET, retries, per-host delay, robots.txt, size cap, redirects)
items.py   what a feed or sitemap lists
poller.py  poll sources, read new items' pages, ingest them (kill-safe)
watch.py   watch rules -> alerts (hooked into connect), webhook delivery from the outbox
service.py the poller as a background thread of `serve --follow`
cli.py     `sources`, `follow`, `watch`, `alerts`
The SQL of all of it lives in wirewatch/store/sources.py.
"""
