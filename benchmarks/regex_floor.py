#!/usr/bin/env python3
"""The speed floor: read each file and scan it once with one compiled alternation of 300 words.

    python benchmarks/regex_floor.py PATH [PATH ...]

Folders are walked for *.md files. Nothing else is done (no parsing, no reporting beyond
one total), so no rule set that scans the text can run faster than this. Standard library only.
"""

import os
import re
import sys

WORDS = """
world-class, cutting-edge, seamless, holistic, innovative, transformational, best-in-class,
game-changing, next-generation, future-proof, agile, robust, dynamic, state-of-the-art, modern,
leading, outstanding, exciting, ambitious, bold, vibrant, smart, intelligent, integrated, joined-up,
streamlined, efficient, effective, excellent, exceptional, leverage, harness, embrace, unlock, drive,
enable, empower, transform, optimise, maximise, revolutionise, accelerate, facilitate, utilise,
deliver, ensure, enhance, strengthen, embed, champion, spearhead, foster, catalyse, galvanise,
mobilise, reimagine, redefine, reinvent, supercharge, operationalise, synergy, paradigm, ecosystem,
journey, roadmap, landscape, framework, capability, capacity, stakeholder, touchpoint, bandwidth,
deliverable, workstream, pipeline, footprint, mindset, toolkit, blueprint, platform, solution,
enabler, driver, lever, pillar, vision, ambition, excellence, innovation, transformation, AI,
artificial intelligence, machine learning, deep learning, generative AI, blockchain, metaverse,
digital twin, internet of things, IoT, big data, predictive analytics, chatbot, virtual reality,
augmented reality, quantum computing, robotic process automation, RPA, cloud-native, serverless,
microservices, Web3, NFT, LLM, large language model, data lake, automation, hyperautomation,
edge computing, 5G, very, really, basically, actually, literally, totally, completely, absolutely,
extremely, incredibly, highly, truly, fully, deeply, quite, rather, somewhat, fairly, pretty, simply,
just, clearly, obviously, essentially, arguably, virtually, significantly, substantially,
considerably, increasingly, in order to, going forward, at this point in time, in due course,
with regard to, in terms of, on a daily basis, at the end of the day, moving forward,
due to the fact that, in the event that, a number of, the majority of, prior to, in excess of,
with a view to, in relation to, on an ongoing basis, at the present time, for the purpose of,
in the near future, first and foremost, each and every, in close proximity, as a matter of fact,
it is important to note, needless to say, take into account, make a decision, give consideration to,
low-hanging fruit, move the needle, think outside the box, step change, game changer,
level playing field, quick win, best practice, value added, win-win, deep dive, circle back,
touch base, heavy lifting, silver bullet, raise the bar, hit the ground running, paradigm shift,
core competency, mission critical, fit for purpose, fit for the future, digital first,
digital by default, one-stop shop, single version of the truth, single source of truth,
right place right time, paperless, world leading, commence, endeavour, ascertain, utilisation,
implementation, facilitation, optimisation, rationalisation, harmonisation, standardisation,
modernisation, digitisation, digitalisation, operationalisation, prioritisation, realisation,
mobilisation, consolidation, configuration, integration, interoperability, scalability,
sustainability, resilience, functionality, methodology, infrastructure, architecture, governance,
compliance, EPR, PAS, EPMA, PACS, LIMS, SDEC, UEC, ICB, ICS, DSPT, FHIR, CDSS, CRM, SEND, GIS, LLPG,
PSN, VLE, SRS, HESA, UCAS, LMS, REF, TEF, SSO, KPI, SaaS, VDI, MFA, API, aspire, aspiration, strive,
seek, aim, explore, consider, investigate, review, assess, potentially, possibly, hopefully, ideally,
where possible, as appropriate, where appropriate, if required, as needed, subject to funding,
in principle, broadly, generally, typically, usually, often, sometimes, largely, mainly, mostly
"""


def word_list():
    """The 300 words and phrases, comma-separated across lines."""
    return [w.strip() for w in WORDS.replace("\n", " ").split(",") if w.strip()]


WORD_LIST = word_list()


def main(argv):
    assert len(WORD_LIST) == len(set(w.lower() for w in WORD_LIST)) == 300, len(WORD_LIST)
    # Case is folded by lowering the text, not with re.IGNORECASE: Python's re drops its
    # literal-prefix optimisations under IGNORECASE and the same scan gets ~10x slower.
    # The alternation is flat (longest first), as a hand-written word list would be; a
    # trie-shaped pattern would be faster still (see README.md).
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(w.lower()) for w in sorted(WORD_LIST, key=len, reverse=True))
        + r")\b")
    files = []
    for arg in argv:
        if os.path.isdir(arg):
            for root, _dirs, names in os.walk(arg):
                files.extend(os.path.join(root, n) for n in sorted(names) if n.endswith(".md"))
        else:
            files.append(arg)
    hits = 0
    for path in files:
        with open(path, encoding="utf-8") as fh:
            text = fh.read().lower()
        for _ in pattern.finditer(text):
            hits += 1
    print(f"{hits} matches in {len(files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
