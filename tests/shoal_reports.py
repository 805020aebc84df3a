"""Five reports of one confrontation at sea, written for the brief tests (a storyline and outlet styles the
demo does not have: a Manila daily, a Beijing state-media relay, a wire, a Tokyo broadsheet's explainer and
a regional bulletin). One happening, told by four independent outlets, with one disputed number (four or
three injured sailors), a denial, background recaps, a statement credited to a time word by a loose
parse ("Tuesday said"), and a bare role noun ("the coast guard") naming a speaker named in full earlier."""

from wirewatch.model import Article

SHOAL_REPORTS = [
    Article(id="sh-manila", outlet="Luzon Morning Herald", published="2025-08-05",
            title="China coast guard fires water cannon at Philippine supply boats near Sabina Shoal",
            text="MANILA, Aug. 5 - China's coast guard fired water cannon at two Philippine supply boats near "
                 "Sabina Shoal on Tuesday, the Philippine Coast Guard said, injuring four sailors.\n\n"
                 "The coast guard said the boats were carrying food and fuel to Filipino troops stationed on the "
                 "shoal. Manila summoned the Chinese ambassador to protest the attack.\n\n"
                 "Philippine and Chinese vessels have clashed repeatedly in the area since 2023."),
    Article(id="sh-relay", outlet="Xinhua Relay Service", published="2025-08-05",
            title="China Coast Guard expels Philippine vessels from Xianbin Jiao waters",
            text="BEIJING, Aug. 5 - The China Coast Guard said on Tuesday it had expelled two Philippine vessels "
                 "that illegally intruded into waters near Xianbin Jiao, known in Manila as Sabina Shoal.\n\n"
                 "Foreign Ministry spokesperson Lin Jian rejected the Philippine account and denied that anyone "
                 "had been injured, saying the coast guard had acted professionally and with restraint."),
    Article(id="sh-wire", outlet="Oceanic Press Agency", published="2025-08-05",
            title="Chinese water cannon hits Philippine boats at disputed shoal",
            text="Chinese coast guard ships fired water cannon at two Philippine supply boats near Sabina Shoal "
                 "on Tuesday, injuring three Filipino sailors, Philippine officials said.\n\n"
                 "The United States condemned the attack and reaffirmed its mutual defence treaty with the "
                 "Philippines, a State Department spokesperson said.\n\n"
                 "China claims almost the entire South China Sea."),
    Article(id="sh-tokyo", outlet="Tokyo Evening Ledger", published="2025-08-06",
            title="Explainer: why a shoal off Palawan keeps drawing water cannon",
            text="China's coast guard fired water cannon at two Philippine supply boats near Sabina Shoal, "
                 "injuring four sailors, Manila said on Tuesday.\n\n"
                 "Japan's Foreign Ministry Tuesday said it was seriously concerned by the use of water cannon.\n\n"
                 "Chinese ships have rammed and blocked Philippine vessels near the shoal several times since "
                 "last year."),
    Article(id="sh-bulletin", outlet="ASEAN Maritime Bulletin", published="2025-08-06",
            title="Maritime bulletin: Sabina Shoal water cannon incident",
            text="Sabina Shoal: the Chinese coast guard fired water cannon at two Philippine supply boats on "
                 "Tuesday, Philippine officials said, injuring four sailors. Manila protested the attack. "
                 "Beijing denied that anyone had been injured."),
]
