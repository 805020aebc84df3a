"""Five reports of one missile launch, written for the story tests in five outlet styles (wire, daily,
state media relay, bullet brief, analysis), two days apart at most."""

from wirewatch.model import Article

LAUNCH_REPORTS = [
    Article(id="lr-wire", outlet="Meridian Wire", published="2025-06-02",
            title="North Korea fires two short-range ballistic missiles off east coast",
            text="SEOUL, June 2 (Meridian) - North Korea fired two short-range ballistic missiles from the "
                 "Hamhung area "
                 "toward the sea off its east coast early on Monday, South Korea's Joint Chiefs of Staff said. "
                 "The missiles flew about 420 km before falling outside Japan's exclusive economic zone, Tokyo said."),
    Article(id="lr-daily", outlet="Pacific Daily Ledger", published="2025-06-02",
            title="Pyongyang's latest launch rattles Tokyo and Seoul",
            text="Two missiles streaked out of Hamhung at dawn Monday, the latest in a string of North Korean weapons "
                 "tests. Japan's defence minister called the launch \"unacceptable\". Seoul's military put the range "
                 "at roughly 420 kilometres and said it had boosted surveillance with Washington."),
    Article(id="lr-state", outlet="Korean Central Relay", published="2025-06-03",
            title="DPRK Missile Administration conducts test of new tactical weapon system",
            text="The Missile Administration of the DPRK on Monday conducted a test-fire of a new-type tactical "
                 "ballistic missile system to verify its accuracy, KCNA reported on Tuesday. The two missiles hit an "
                 "island target in the East Sea of Korea after flying 420 km, the agency said."),
    Article(id="lr-brief", outlet="Capital Briefing", published="2025-06-02",
            title="Missile launch: what we know",
            text="- North Korea launched 2 ballistic missiles Monday from near Hamhung.\\n- Flight distance: ~420 km, "
                 "per the Joint Chiefs of Staff.\\n- Japan says they landed outside its EEZ; no damage reported.\\n"
                 "- The US Indo-Pacific Command said the launch posed no immediate threat."),
    Article(id="lr-analysis", outlet="Strait Times Review", published="2025-06-04",
            title="Analysts see Hamhung missile test as signal ahead of allied drills",
            text="Monday's firing of two short-range ballistic missiles from Hamhung, which flew some 420 km into "
                 "the sea, came days before South Korea and the United States begin joint exercises. Analysts in "
                 "Seoul said North Korea was testing a solid-fuel system it could sell abroad."),
]
