#!/usr/bin/env python3
"""Write the deterministic benchmark corpus for stratlint.

    python benchmarks/make_corpus.py [DIR] [--seed N]

Writes into DIR (default: benchmarks/corpus):

    strategy-500.md      a ~500-word Markdown strategy
    strategy-8k.md       a ~8,000-word strategy
    strategy-100k.md     a ~100,000-word strategy
    many/strategy-NNN.md 200 strategies of ~2,050 words each (~410,000 words)
    manifest.json        the word count of every file

The prose is a bank of paragraphs, lists, tables and commitments written for this
benchmark (NHS trusts, councils and universities; strong and weak writing), recombined
with seeded random choices and substituted names and numbers so that every file differs.
Standard library only, no network. The same seed always gives byte-identical files.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

DEFAULT_SEED = 20240601
CORPUS_VERSION = 1  # bump when the bank or the layout changes

SIZES = {
    "strategy-500.md": 500,
    "strategy-8k.md": 8_000,
    "strategy-100k.md": 100_000,
}
MANY_FILES = 200
MANY_WORDS = 2_050  # 200 x 2,050 = 410,000

# --------------------------------------------------------------------------------------
# Word counting: alphanumeric tokens, ignoring Markdown markers (#, -, 1., |, ---).
# --------------------------------------------------------------------------------------

_MARKER = re.compile(r"^\s*(?:#{1,6}|[-*+]|\d+\.)\s+")
_WORD = re.compile(r"[A-Za-z0-9£]+(?:['’.,:/-][A-Za-z0-9]+)*%?")


def count_words(text: str) -> int:
    return sum(len(_WORD.findall(_MARKER.sub("", line))) for line in text.splitlines())


# --------------------------------------------------------------------------------------
# Organisations
# --------------------------------------------------------------------------------------

PLACE_A = ["Ash", "Bram", "Cal", "Dun", "Elm", "Fen", "Gran", "Hal", "Ked", "Lang",
           "Mar", "Nor", "Oak", "Pen", "Rad", "Stan", "Thorn", "Wey", "Wick", "Yar",
           "Bel", "Cor", "Hart", "Kirk", "Lind", "Ord", "Sel", "Tam", "Ux", "Whit"]
PLACE_B = ["bury", "field", "ford", "ham", "ley", "mouth", "stead", "ton", "wick",
           "worth", "dale", "bridge", "combe", "holt", "minster", "wood"]
RIVERS = ["Avon", "Calder", "Derwent", "Eden", "Frome", "Kennet", "Lune", "Medlock",
          "Nene", "Ouse", "Rother", "Tame", "Teme", "Wear", "Wharfe", "Yeo"]
PEOPLE_FIRST = ["Amara", "Ben", "Chloe", "Dev", "Eleanor", "Farah", "George", "Hana",
                "Imran", "Joanna", "Kofi", "Lucy", "Marek", "Nia", "Owen", "Priya",
                "Rachel", "Sam", "Tomasz", "Una", "Vikram", "Wendy", "Yusuf", "Zara"]
PEOPLE_LAST = ["Adeyemi", "Brennan", "Carver", "Dhillon", "Evans", "Fletcher", "Gill",
               "Hughes", "Iqbal", "Jensen", "Kowalski", "Lomax", "Mensah", "Nolan",
               "Okafor", "Patel", "Quinn", "Rowe", "Singh", "Thornton", "Walsh", "Young"]

PROFILES = {
    "trust": {
        "names": ["{place} Hospitals NHS Foundation Trust", "{place} Community Health NHS Trust",
                  "{river} Valley NHS Foundation Trust", "{place} and {place2} Mental Health NHS Trust",
                  "{place} Teaching Hospitals NHS Trust"],
        "users": ["patients", "patients and carers", "service users"],
        "user": ["patient", "service user"],
        "staff": ["clinical staff", "nurses and therapists", "clinicians", "ward teams"],
        "frontline": ["district nurses", "ward nurses", "junior doctors", "therapists", "midwives",
                      "community matrons", "pharmacists", "healthcare assistants"],
        "service": ["district nursing", "outpatient clinics", "the emergency department",
                    "maternity", "radiology", "pharmacy", "physiotherapy", "the mental health crisis line",
                    "podiatry", "discharge planning", "theatres", "talking therapies",
                    "the single point of access", "children's community nursing", "stroke rehabilitation"],
        "parent": ["clinical strategy", "five-year trust strategy", "quality strategy", "annual operating plan"],
        "board": ["trust board", "board of directors", "council of governors"],
        "committee": ["digital committee", "digital delivery board", "clinical safety group", "finance and performance committee"],
        "system": ["integrated care system", "integrated care board", "local care partnership", "provider collaborative"],
        "partner": ["GP practices", "the local authority", "the ambulance service", "community pharmacies",
                    "the hospice", "adult social care", "the acute trust next door", "voluntary sector groups"],
        "role": ["Chief Nursing Information Officer", "Director of Operations", "Chief Clinical Information Officer",
                 "Head of Therapies", "Medical Director", "Director of Finance", "Head of Podiatry",
                 "Director of Nursing", "Clinical Director for Community Services", "Head of Patient Experience",
                 "Chief Digital Officer", "Head of Clinical Coding"],
        "acr": [("EPR", "electronic patient record"), ("PAS", "patient administration system"),
                ("EPMA", "electronic prescribing and medicines administration"),
                ("PACS", "picture archiving and communication system"), ("LIMS", "laboratory information management system"),
                ("SDEC", "same day emergency care"), ("UEC", "urgent and emergency care"),
                ("ICB", "integrated care board"), ("DSPT", "Data Security and Protection Toolkit"),
                ("FHIR", "Fast Healthcare Interoperability Resources"), ("CDSS", "clinical decision support system"),
                ("ShCR", "shared care record"), ("HSLI", "Health and Social care Local Infrastructure")],
        "product": ["MedCore EPR", "CarePath", "WardView", "TheraBook", "ClinixNotes", "RadLink"],
        "money": (40, 900),
    },
    "council": {
        "names": ["{place} Borough Council", "{place} City Council", "{place} District Council",
                  "{river} County Council", "London Borough of {place}"],
        "users": ["residents", "residents and businesses", "tenants", "local people"],
        "user": ["resident", "tenant", "customer"],
        "staff": ["officers", "front-line staff", "caseworkers", "social workers"],
        "frontline": ["social workers", "housing officers", "contact centre advisers", "planning officers",
                      "refuse crews", "library staff", "benefits assessors", "environmental health officers"],
        "service": ["council tax", "waste collection", "housing repairs", "adult social care",
                    "library services", "planning applications", "parking permits", "school admissions",
                    "blue badge applications", "housing benefit", "bulky waste collection",
                    "licensing", "pest control", "highways defects", "temporary accommodation"],
        "parent": ["council plan", "corporate plan", "medium-term financial strategy", "local plan"],
        "board": ["cabinet", "full council", "corporate leadership team"],
        "committee": ["digital programme board", "overview and scrutiny committee", "transformation board",
                      "customer experience board"],
        "system": ["combined authority", "county partnership", "local resilience forum", "health and wellbeing board"],
        "partner": ["the county council", "housing associations", "the police", "the NHS trust",
                    "the fire service", "parish councils", "the voluntary sector", "the local college"],
        "role": ["Director of Adult Social Care", "Head of Revenues and Benefits", "Chief Digital Officer",
                 "Head of Customer Services", "Director of Place", "Head of Housing", "Head of Waste Services",
                 "Director of Resources", "Head of Planning", "Assistant Director for Libraries",
                 "Monitoring Officer", "Head of Parking Services"],
        "acr": [("CRM", "customer relationship management"), ("SEND", "special educational needs and disabilities"),
                ("GIS", "geographic information system"), ("LLPG", "local land and property gazetteer"),
                ("PSN", "Public Services Network"), ("ASC", "adult social care"), ("LGA", "Local Government Association"),
                ("MTFS", "medium-term financial strategy"), ("HRA", "housing revenue account"),
                ("SLA", "service level agreement"), ("API", "application programming interface")],
        "product": ["CivicHub", "OneCase", "HomeFix Online", "BinTrack", "PermitPoint", "CareLedger"],
        "money": (20, 600),
    },
    "university": {
        "names": ["University of {place}", "{place} University", "{river} Metropolitan University",
                  "{place} Institute of Technology", "{place} College of Arts"],
        "users": ["students", "students and applicants", "researchers", "learners"],
        "user": ["student", "applicant", "researcher"],
        "staff": ["academic staff", "professional services staff", "lecturers", "tutors"],
        "frontline": ["personal tutors", "module leaders", "library staff", "admissions officers",
                      "lab technicians", "research administrators", "timetabling officers", "wellbeing advisers"],
        "service": ["admissions", "timetabling", "library loans", "student records", "assessment submission",
                    "accommodation", "the IT help desk", "research data storage", "enrolment",
                    "extenuating circumstances", "graduation", "placements", "the careers service",
                    "exam boards", "module registration"],
        "parent": ["university strategy", "education strategy", "research strategy", "estates masterplan"],
        "board": ["university council", "senate", "executive board"],
        "committee": ["digital strategy group", "education committee", "information governance group",
                      "portfolio board"],
        "system": ["regional university network", "civic university agreement", "shared services consortium",
                   "national research infrastructure"],
        "partner": ["the students' union", "local colleges", "the city council", "NHS placement providers",
                    "research funders", "employers", "partner universities", "the local schools trust"],
        "role": ["Pro Vice-Chancellor for Education", "Academic Registrar", "Director of Digital Services",
                 "University Librarian", "Chief Operating Officer", "Dean of Students",
                 "Director of Research Services", "Head of Timetabling", "Director of Admissions",
                 "Head of Student Records", "Director of Estates", "Head of Careers"],
        "acr": [("VLE", "virtual learning environment"), ("SRS", "student record system"),
                ("HESA", "Higher Education Statistics Agency"), ("UCAS", "Universities and Colleges Admissions Service"),
                ("LMS", "library management system"), ("REF", "Research Excellence Framework"),
                ("TEF", "Teaching Excellence Framework"), ("SSO", "single sign-on"),
                ("NSS", "National Student Survey"), ("RDM", "research data management"),
                ("CRIS", "current research information system")],
        "product": ["CampusOne", "LearnSpace", "TimeGrid", "ShelfMark", "ResearchVault", "EnrolNow"],
        "money": (30, 800),
    },
}

HYPE = ["artificial intelligence", "generative AI", "machine learning", "blockchain",
        "a digital twin", "robotic process automation", "the metaverse", "predictive analytics",
        "an AI chatbot", "virtual reality", "the internet of things", "quantum-ready infrastructure"]
VAGUE_ADJ = ["world-class", "cutting-edge", "seamless", "holistic", "innovative", "transformational",
             "best-in-class", "game-changing", "next-generation", "future-proof", "agile", "robust",
             "dynamic", "state-of-the-art", "truly integrated", "modern"]
VAGUE_VERB = ["leverage", "harness", "embrace", "unlock", "drive", "enable", "empower",
              "transform", "optimise", "maximise", "revolutionise", "accelerate"]
SINGULAR = {"midwives": "midwife", "library staff": "member of library staff"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

# --------------------------------------------------------------------------------------
# The bank. Placeholders are filled per occurrence; a capitalised placeholder ({Users})
# capitalises the first letter of the value.
# --------------------------------------------------------------------------------------

SECTIONS: dict[str, dict] = {}


def section(key, headings, paragraphs=(), bullets=(), kinds=("p", "p", "ul")):
    SECTIONS[key] = {"headings": list(headings), "paragraphs": list(paragraphs),
                     "bullets": list(bullets), "kinds": list(kinds)}


section("foreword",
        ["Foreword", "Introduction", "A message from the chief executive", "Welcome", "Preface"],
        [
            "I am delighted to introduce the {org} digital strategy, which sets out how, over the next decade, "
            "we will {vverb} modern technology, {vverb} the power of data and {vverb} {vadj} innovation to "
            "deliver a {vadj}, digital first organisation that is truly fit for the future.",
            "Digital is no longer an optional extra. It sits at the heart of everything we do, and going forward "
            "every part of {short} has a role to play on our digital journey. This strategy describes the "
            "foundations, systems and emerging capabilities that will help us become a leading digital organisation.",
            "This strategy is short on purpose. It explains what {users} told us, what we will do about it in the "
            "next three years, what we will not do, and how the {board} will know whether it is working.",
            "Our last strategy promised a great deal and delivered about half of it. We have learned from that. "
            "This one makes fewer promises, names an owner for each, and says when we will check progress.",
            "We wrote this strategy with {users} and {staff}. More than {n} people took part in workshops, and "
            "{n3} answered our survey. Their words appear throughout, and we have tried to keep their plain language.",
            "We want {short} to be a place where the technology gets out of the way. {Frontline} should spend their "
            "time with {users}, not with logins, passwords and forms that ask the same question twice.",
            "Going forward, we will work hand in hand with partners to drive a step change in how services are "
            "designed and delivered, putting {users} at the centre and ensuring that the right information is "
            "available in the right place at the right time.",
        ],
        kinds=("p", "p"))

section("mission",
        ["Our mission", "Mission", "What we are for", "Our purpose", "Our aim"],
        [
            "Our mission is {service} that is easy for {users} to reach and easy for {staff} to give.",
            "Our mission is simple: {users} should only have to tell us something once.",
            "Our mission is to make {service} and {service2} quicker, simpler and fairer for everyone who uses them.",
            "Our mission is to become a {vadj}, {vadj} organisation that will {vverb} digital to deliver "
            "outstanding outcomes for all.",
            "We exist to help {users} get on with their lives. Digital work earns its place only when it does that.",
            "Our aim is that by {year} no {user} waits on hold for more than {n} minutes, and every form can be "
            "completed online or on paper.",
        ],
        kinds=("p",))

section("context",
        ["Strategic context", "Where we are now", "The case for change", "Background", "Our starting point"],
        [
            "{Org} serves about {big} {users} across {place} and the {river} valley. We employ {staffcount} staff "
            "in {n} buildings and run {n2} services, from {service} to {service2}.",
            "Demand for {service} has grown by {pct}% in three years while funding has stayed flat in cash terms. "
            "We cannot meet that demand by working harder. We have to remove the work that adds nothing for {users}.",
            "The contemporary operating environment necessitates a comprehensive and accelerated modernisation of "
            "the organisation's underpinning technological infrastructure, application architecture and information "
            "management capabilities, encompassing the integration of heterogeneous repositories and the "
            "standardisation of interoperability mechanisms across every directorate and every site.",
            "Historically, our technology estate has grown one project at a time. We now run {n3} separate systems, "
            "{n} of which hold a copy of the same {user} details. Staff re-key information between them every day.",
            "Our {acr} is {n} years old and the supplier will end support in {date}. That date shapes the first "
            "two years of this strategy, but replacing it is a means, not the goal.",
            "Last year {pct}% of contacts about {service} were chasing something already reported. Each of those "
            "calls costs about £{small} to handle and tells us the first contact failed.",
            "Organisational digital maturity, interoperability compliance and infrastructural modernisation "
            "therefore constitute fundamental strategic imperatives for the institution throughout the forthcoming "
            "decade, and the digital function will accordingly be positioned as a strategic enabler of "
            "transformation across the totality of organisational activity.",
            "This strategy covers {year} to {year_end}. Technology changes too fast to plan further ahead with any "
            "confidence, so we will refresh it every year.",
            "This strategy sets out our vision for the next ten years and beyond, describing a long-term journey "
            "towards a fully digital, paperless organisation by {year_far}.",
        ],
        bullets=[
            "{big} {users} a year use {service}.",
            "{pct}% of {service} requests still arrive on paper.",
            "{Frontline} spend about {minutes} minutes a day re-entering data.",
            "{n} systems hold overlapping records about the same {user}.",
            "Our oldest server is {n} years old.",
            "One in {n} calls to {service} is abandoned before it is answered.",
        ])

section("users",
        ["What our users told us", "Understanding our users", "User needs", "What {users} need from us",
         "Listening to {users}"],
        [
            "In {year_past} we held {n} interviews with {users} and {n2} with {staff}. We also read {big} "
            "complaints from the last two years. Four themes stood out, and they shape every commitment in this strategy.",
            "We watched {frontline} work for {n} shifts. On an average shift they logged in to {n2} different "
            "systems and spent {minutes} minutes looking for information they knew existed somewhere.",
            "{Users} told us they do not mind whether a service is online or on the phone. They mind being passed "
            "between teams, repeating their story and not knowing what happens next.",
            "Not everyone is online. About one in {n} of our {users} has no internet at home, and many more share "
            "a single phone. They asked us to keep phone, letter and face-to-face routes, and we will.",
            "User research is not a phase at the start of a project. Each team in this strategy has a user "
            "researcher, or time from one, and shows what it learned at every show and tell.",
            "The strongest message from {staff} was about time. The tools they use for {service} are slow, ask for "
            "the same details more than once and do not talk to each other.",
        ],
        bullets=[
            "**{Users} cannot get through.** {n3} complaints were about unanswered calls or lost messages.",
            "**{Users} repeat their story.** People explain their history to each new member of staff.",
            "**{Frontline} lose time to forms.** They spend about {minutes} minutes a day on data entry.",
            "**Not everyone is online.** One in {n} {users} has no internet at home.",
            "**Nobody knows what happens next.** {pct}% of follow-up calls ask for an update on {service}.",
            "**Information is hard to find.** Staff search {n} places before they find the right record.",
        ],
        kinds=("p", "ul", "p"))

section("principles",
        ["Our principles", "Design principles", "How we make decisions", "Principles for teams"],
        [
            "These principles help teams make everyday choices without waiting for a committee. When two of them "
            "pull in different directions, the team writes down the trade-off and the reason.",
            "We will embrace a culture of innovation, collaboration and continuous improvement, ensuring that "
            "digital is embedded in everything we do and that we are agile, responsive and {vadj}.",
        ],
        bullets=[
            "**Start with the problem.** We name the user need before we look at any product.",
            "**Fix the basics first.** Fast logins and complete records come before new features.",
            "**Keep a human route.** Every online service keeps a phone or face-to-face option.",
            "**Ask once.** We collect information once and share it safely with the people who need it.",
            "**Reuse before we build.** We use national services and proven products before anything bespoke.",
            "**Work in the open.** We publish our plans, our progress and our mistakes.",
            "**Small and often.** We release small changes often rather than big changes rarely.",
            "**Design for the hardest case.** If it works for someone in a hurry on an old phone, it works for everyone.",
        ],
        kinds=("ol", "p"))

section("delivered",
        ["What we have delivered so far", "Progress since our last strategy", "Where we have got to",
         "What the last plan achieved"],
        [
            "Our last plan ran from {year_past} to {year}. Not everything worked, and we say so below, because the "
            "things that did not work taught us the most.",
            "Few people used our online {service} form, so we redesigned it with {users}. Completion rose from "
            "{pct_lo}% to {pct_hi}% in six months.",
            "We moved {n} teams onto {product}. Adoption was slower than planned because training came after go-live, "
            "not before. We have changed how we plan rollouts as a result.",
            "We have made significant progress on our digital journey, delivering a range of exciting initiatives "
            "that have laid the foundations for future transformation.",
        ],
        bullets=[
            "All {n} {frontline} teams now record notes at the point of care, saving about {minutes} minutes a day each.",
            "Text reminders cut missed {service} appointments from {pct_hi}% to {pct_lo}%.",
            "An online form cut waits for {service} from {weeks} weeks to {weeks_lo}.",
            "We switched off {n} fax machines and {n2} old servers.",
            "{pct}% of {service} requests now arrive online, up from {pct_lo}%.",
            "We closed {n} legacy databases and moved their records into {product}.",
        ],
        kinds=("p", "ul", "p"))

section("services",
        ["Our services", "The services we run", "Service map", "What we run today"],
        [
            "These are our busiest services in the year to {date}. The table shows how much each is used, what it "
            "costs each time and how much of the work is already digital.",
            "One in four calls to {service} ends before anyone answers. That single number explains why call-backs "
            "are one of our first pieces of work.",
            "We mapped every service against the systems it uses. {Service} alone touches {n} systems, and a "
            "request passes through {n2} pairs of hands before anyone acts on it.",
        ],
        kinds=("p", "servicetable", "p"))

section("prioritisation",
        ["How we will choose", "Prioritising our work", "How we decide what comes first", "Choosing what to do"],
        [
            "We score every proposal for value and effort. Value is half benefit to {users}, a quarter benefit to "
            "{staff} and a quarter money saved. Effort covers cost, staff time and risk.",
            "High value, low effort work goes first. We run no more than {n_small} large projects at once, because "
            "{frontline} cannot support more than that alongside their day jobs.",
            "Some work must come in order. For example, we fix Wi-Fi gaps at {place} before adding mobile tools for "
            "{frontline}. A panel of {staff}, managers, finance and digital staff agrees the order each quarter.",
            "All initiatives within this strategy are of equal importance and will be progressed in parallel to "
            "ensure that benefits are realised across the whole organisation as quickly as possible.",
        ],
        kinds=("p", "p"))

section("notdoing",
        ["What we will not do", "What we are not doing", "Things we have chosen not to do", "Not now"],
        [
            "Saying no is part of a strategy. These are things people asked for that we have chosen not to do in "
            "this period, and why.",
        ],
        bullets=[
            "We do not build new bespoke systems. We buy proven products or reuse national ones.",
            "We are not pursuing {hype} in this period. Our data is not yet accurate enough to use it safely. We "
            "will look again at the {year} refresh.",
            "We have paused the rebuild of the staff intranet.",
            "We will not remove phone or letter routes for {service}.",
            "We will not replace {product} until its contract ends in {date}.",
            "We are not buying new devices for teams whose current ones meet their needs.",
            "We will not start a new project without a named owner and a measure of success.",
        ],
        kinds=("p", "ul"))

section("exemplars",
        ["Where we start", "First steps", "Early wins in the next six months", "Starting small"],
        [
            "Three small pieces of work aim to show results within six months. {Staff} who asked to take part lead "
            "each one, and each reports back at the monthly show and tell.",
            "We chose these because they are small, visible and teach us something we need for the bigger work later.",
        ],
        bullets=[
            "**Call-backs for {service}.** Callers can ask for a call-back instead of holding.",
            "**Online rebooking for {service}.** {Users} can move an appointment from the link in their reminder.",
            "**Records at the point of care.** Two {frontline} teams can see the full record on a tablet.",
            "**One form, not three.** The {service} request form replaces three paper forms.",
            "**Status updates by text.** {Users} get a text when their {service} request moves on.",
        ],
        kinds=("p", "ol", "p"))

section("commitments",
        ["Our commitments", "What we will do", "Commitments and measures", "Delivery plan", "Our priorities"],
        [
            "Each commitment below has a measure, a date and one accountable owner. We review them every quarter "
            "and publish the results.",
            "Over the lifetime of this strategy we will deliver the following commitments.",
            "These commitments replace the {n}-item action plan in our last strategy, most of which had no owner.",
        ],
        kinds=("p", "ctable", "p", "clist"))

section("system",
        ["Working with partners", "Working with our system partners", "Our place in the wider system",
         "Partnership"],
        [
            "We are part of the {place} {system}. Our plans follow its digital plan, and we share a roadmap with "
            "{partner} and {partner2}.",
            "Records from {service} now feed the shared record, so {partner} can see them. Next we will add "
            "{service2}, starting with the {n} teams that asked for it.",
            "We plan {service} jointly with {partner}. Their staff and ours use the same referral form, and we "
            "meet every month to fix what gets in the way.",
            "We will work collaboratively with system partners to deliver joined-up, seamless services that "
            "break down organisational boundaries and deliver better outcomes for all.",
            "We fund device loans and skills help in {n} community venues run by {partner}.",
        ],
        kinds=("p", "p"))

section("change",
        ["How we will change", "Governance and funding", "Ways of working", "How the organisation will change"],
        [
            "Delivering this strategy means changing how we plan, fund and run work, not only what technology we use.",
            "Each priority has a mixed team: a {frontline_one} from the service, a service manager, a user "
            "researcher, a designer and a technical lead. Teams stay together after go-live.",
        ],
        bullets=[
            "**Funding.** We fund lasting service teams, not one-off projects, with three-year budgets.",
            "**Governance.** The {committee} meets monthly. Team leads decide spending under £{small}k.",
            "**Skills.** We are training {n3} digital champions among front-line staff.",
            "**Suppliers.** New contracts are shorter and include exit plans.",
            "**Decisions.** Business cases shrink from {n2} pages to a two-page proposal.",
        ],
        kinds=("p", "ul"))

section("risks",
        ["What could go wrong", "Risks", "Risks and mitigations", "Risks to delivery"],
        [
            "These are the main risks to this strategy and what we are doing about each. The {committee} reviews "
            "them every quarter.",
        ],
        bullets=[
            "**Cyber attack.** An attack could lock staff out of records. All staff use two-step login and we test "
            "backups every quarter.",
            "**Outages.** Every team keeps a paper pack for downtime and practises with it twice a year.",
            "**Supplier failure.** Contracts include exit plans, and our data stays in formats we can move.",
            "**Digital exclusion.** Some {users} could be left behind. We track take-up by age, postcode and ethnicity.",
            "**Staff time.** Busy teams may lack time to help, so we fund cover for {frontline}.",
            "**Funding.** Capital may not arrive on time. We phase work so each stage stands on its own.",
        ],
        kinds=("p", "ul", "risktable"))

section("decommission",
        ["Switching off old technology", "Retiring legacy systems", "Decommissioning", "What we will switch off"],
        [
            "Each new tool should let us retire an old one. Together these changes save about £{small}k a year.",
            "Running two systems side by side costs twice as much and confuses everyone, so every project plan "
            "includes the date the old system closes.",
        ],
        bullets=[
            "All {n} fax machines switch off by {date}.",
            "The old {acr} closes in {date}, once records have moved.",
            "Paper {service} forms end across all services by {date}.",
            "Our two on-site server rooms close by {date}.",
            "{n2} spreadsheets used as databases move into {product} by {date}.",
        ],
        kinds=("p", "ul"))

section("measures",
        ["How we will know it is working", "Measures of success", "Measuring progress", "Success measures"],
        [
            "Baselines are from {year_past}. Targets are for {date}. We publish these figures every quarter.",
            "We will measure success through a balanced scorecard of key performance indicators aligned to our "
            "strategic objectives, to be developed in due course.",
        ],
        bullets=[
            "Unanswered calls to {service}: {pct_hi}% now, under {pct_lo}% by then.",
            "Requests for {service} made online: {pct_lo}% now, {pct_hi}% by then.",
            "Minutes per {frontline_one} per day on data entry: {minutes} now, {minutes_lo} by then.",
            "{Staff} who rate their digital tools as good: {pct_lo}% now, {pct_hi}% by then.",
            "Median wait for {service}: {weeks} weeks now, {weeks_lo} by then.",
        ],
        kinds=("p", "ul"))

section("review",
        ["Keeping it current", "Review and refresh", "Governance and review", "How we keep on track"],
        [
            "A strategy that is not reviewed goes stale within a year. This is how we keep this one honest.",
            "This strategy will be reviewed periodically as appropriate.",
        ],
        bullets=[
            "**Fortnightly show and tells.** Teams show working services to staff and {board} members.",
            "**Monthly progress reviews.** The {committee} checks the measures and clears blockers.",
            "**Quarterly reprioritisation.** The panel scores the work again and can stop projects.",
            "**Annual refresh.** Each {month} we update this strategy and publish what changed.",
        ],
        kinds=("p", "ul"))

section("infrastructure",
        ["Infrastructure and cloud", "Technology foundations", "Our technology estate", "Infrastructure"],
        [
            "A modern, high-performing infrastructure is the foundation of everything in this strategy. Our core "
            "network, data centres and end-user devices are central to the delivery of digital services.",
            "Over the coming years we intend to migrate our applications from on-premise data centres to a hybrid "
            "cloud model, upgrade the core and edge network at all {n_small} sites, extend Wi-Fi to every area and "
            "implement VDI so that staff can log in from any device in any location.",
            "We will also take full advantage of {acr} connectivity and make sure all systems meet {acr2} "
            "requirements. Where possible, we will move towards a cloud-first hosting model for new applications.",
            "Logins take {staff} an average of {n} seconds each, {n2} times a shift. Single sign-on for the ten most "
            "used systems will give back about {minutes} minutes a day to each {frontline_one}.",
            "Wi-Fi fails in {n} of our {n3} buildings. We will fix coverage where {frontline} work first, measured "
            "by dropped sessions, before we add any new mobile tools.",
        ],
        kinds=("p", "p", "ul"),
        bullets=[
            "Replace {n} end-of-life switches by {date}.",
            "Move {n2} applications to hosted services.",
            "Roll out {big2} laptops to {staff}.",
            "Upgrade the {acr} to the latest version.",
            "Implement a new enterprise service bus.",
        ])

section("innovation",
        ["Innovation and emerging technology", "The future of {short}", "Intelligent automation",
         "Emerging technology"],
        [
            "{Short} intends to be at the forefront of emerging technology. This strategy commits us to a "
            "programme of intelligent automation that will change how every service operates.",
            "Together these technologies will position {short} as a {vadj}, {vadj} digital organisation that "
            "others look to for inspiration.",
            "We will test one narrow use of automation: sorting incoming {service} requests. It goes live only if "
            "it beats the current manual sort on accuracy in a trial of {big} requests.",
        ],
        bullets=[
            "**{Hype}** in {service} to direct {users} to the right team.",
            "**{Hype}** to draft letters, summaries and reports.",
            "**{Hype}** across finance, HR and records to remove manual tasks.",
            "**{Hype}** to model demand, capacity and estates in real time.",
            "**{Hype}** to give every {user} a permanent record of their contact with us.",
        ],
        kinds=("p", "ul", "p"))

section("data",
        ["Data and insight", "Using data well", "Data"],
        [
            "Managers asked for one trusted figure for waiting times in {service}. Today three reports give three "
            "answers. We will agree one definition, publish it and retire the other two reports.",
            "We will harness the power of data to unlock insight, drive evidence-based decision making and "
            "deliver a single version of the truth across the organisation.",
            "Data quality is a clinical and operational risk, not a technical one. Each dataset has a named owner "
            "in the service that creates it, not in the digital team.",
        ],
        bullets=[
            "A data owner for each of our {n} core datasets by {date}.",
            "Weekly data quality reports for {service}.",
            "Open data on {service} published every month.",
        ],
        kinds=("p", "p", "ul"))

section("workforce",
        ["Digital skills", "Our people", "Skills and capability"],
        [
            "Confidence with digital tools varies widely. In our survey {pct}% of {staff} said they had never been "
            "shown how to use the systems they rely on every day.",
            "We will create a digitally literate, digitally confident and digitally empowered workforce that "
            "embraces change and champions innovation across the organisation.",
            "Training happens at work, in short sessions, led by colleagues. Each team has a digital champion with "
            "two hours a week set aside for the role.",
        ],
        kinds=("p", "p"))

section("inclusion",
        ["Digital inclusion", "Nobody left behind", "Keeping services open to everyone"],
        [
            "About {pct}% of {users} in {place} lack the skills, kit or connection to use online services. Online "
            "routes are for those who want them; nobody is forced onto them.",
            "We measure take-up of every online service by age, disability, postcode and first language, and act "
            "when a group is falling behind.",
        ],
        kinds=("p", "p"))

section("cyber",
        ["Cyber security", "Keeping information safe", "Security and resilience"],
        [
            "A cyber attack is the single biggest risk to our services. We test our backups every quarter and run "
            "an exercise with the {board} every year.",
            "All staff use two-step login by {date}. Accounts of leavers close on their last day, not weeks later.",
            "We will ensure a robust, resilient and secure infrastructure in line with best practice and all "
            "relevant national standards.",
        ],
        kinds=("p", "p"))

section("glossary",
        ["Glossary", "Abbreviations", "Terms we use"],
        ["The abbreviations below appear in this document."],
        kinds=("p", "glossary"))

# Commitment wordings: (action, measure) pairs. {…} placeholders are filled as above.
COMMITMENTS = [
    ("{Users} get through on the phone first time for {service}.",
     "Unanswered calls fall from {pct_hi}% to under {pct_lo}%."),
    ("{Users} can book, move or cancel {service} appointments online.",
     "Online bookings rise from {pct_lo}% to {pct_hi}%."),
    ("{Frontline} spend more time with {users}.",
     "Time on notes falls from {minutes} to {minutes_lo} minutes a day."),
    ("{Users} tell their story once.",
     "{pct_hi}% of contacts have the full history to hand, up from {pct_lo}%."),
    ("Fewer {users} miss {service} appointments.", "Missed appointments fall from {pct_hi}% to {pct_lo}%."),
    ("People who are not online get an equal service.",
     "The satisfaction gap between online and offline users is under {n_small} points."),
    ("Requests for {service} are answered faster.", "The median wait falls from {weeks} to {weeks_lo} weeks."),
    ("Staff log in once a shift.", "Logins per shift fall from {n2} to {n_small}."),
    ("{Service} runs without paper.", "Paper forms fall from {big} a year to none."),
    ("{Users} know what happens next with {service}.",
     "Chasing calls fall by {pct}%."),
]
WEAK_COMMITMENTS = [
    "We will implement {product} across all sites.",
    "We will migrate our data centres to the cloud.",
    "We will {vverb} {hype} to transform {service}.",
    "We will deliver a {vadj} experience for {users}.",
    "We will explore {hype} for {service}.",
    "We will become a paperless organisation.",
    "We will roll out new devices to all {staff}.",
    "We will upgrade the {acr}.",
    "We will deliver a single version of the truth through a new data warehouse.",
    "We will improve {service}.",
    "We will introduce a chatbot for {service} enquiries.",
    "We will embed a culture of innovation.",
]
STRONG_COMMITMENT_BULLETS = [
    "We will cut unanswered calls to {service} from {pct_hi}% to under {pct_lo}% by {date}, led by the {role}.",
    "We will let {users} rebook {service} online by {date}; the {role} owns this and reports monthly.",
    "By {date} we will switch off the old {acr}, led by the {role}.",
    "We will halve the time {frontline} spend on forms, from {minutes} to {minutes_lo} minutes a day, by {date}. Owner: {role}.",
    "We will publish waiting times for {service} every month from {date}. Owner: the {role}.",
    "The {role} will move {n2} paper forms for {service} online by {date}.",
]
HALF_COMMITMENT_BULLETS = [
    "We will improve response times for {service} by {date}.",
    "The {role} will lead work to modernise {service}.",
    "We will reduce paper use in {service} by {pct}%.",
    "We will review {service} in {year}.",
]

GLOSSARY_EXTRA = [("ICS", "integrated care system"), ("KPI", "key performance indicator"),
                  ("SaaS", "software as a service"), ("VDI", "virtual desktop infrastructure"),
                  ("MFA", "multi-factor authentication")]


# --------------------------------------------------------------------------------------
# Filling placeholders
# --------------------------------------------------------------------------------------

_PH = re.compile(r"\{([A-Za-z_0-9]+)\}")


def _place(rng):
    return rng.choice(PLACE_A) + rng.choice(PLACE_B)


def _fmt_int(n):
    return f"{n:,}"


class Filler:
    def __init__(self, rng: random.Random, kind: str, org: str, short: str, place: str, year: int):
        self.rng = rng
        self.p = PROFILES[kind]
        self.org = org
        self.short = short
        self.place = place
        self.year = year

    def value(self, key: str) -> str:
        r, p = self.rng, self.p
        if key == "org":
            return self.org
        if key == "short":
            return self.short
        if key == "place":
            return self.place if r.random() < 0.6 else _place(r)
        if key == "river":
            return r.choice(RIVERS)
        if key in ("users", "user", "staff", "frontline", "parent", "board", "committee", "system",
                   "role", "product"):
            return r.choice(p[key])
        if key in ("service", "service2"):
            return r.choice(p["service"])
        if key in ("partner", "partner2"):
            return r.choice(p["partner"])
        if key == "frontline_one":
            one = r.choice(p["frontline"])
            return SINGULAR.get(one, one[:-1] if one.endswith("s") else one)
        if key in ("acr", "acr2"):
            a, expansion = r.choice(p["acr"])
            # Acronyms are sometimes spelled out, sometimes not (the jargon rule's food).
            return f"{expansion} ({a})" if r.random() < 0.35 else a
        if key == "hype":
            return r.choice(HYPE)
        if key == "vadj":
            return r.choice(VAGUE_ADJ)
        if key == "vverb":
            return r.choice(VAGUE_VERB)
        if key in ("n", "n2"):
            return str(r.randint(3, 60))
        if key == "n3":
            return str(r.randint(40, 400))
        if key == "n_small":
            return str(r.randint(2, 6))
        if key in ("big", "big2"):
            return _fmt_int(r.choice([r.randint(12, 99) * 100, r.randint(10, 950) * 1000]))
        if key == "staffcount":
            return _fmt_int(r.randint(8, 150) * 100)
        if key == "small":
            lo, hi = p["money"]
            return str(r.randint(lo, hi))
        if key == "pct":
            return str(r.randint(5, 60))
        if key == "pct_lo":
            return str(r.randint(3, 30))
        if key == "pct_hi":
            return str(r.randint(40, 95))
        if key == "minutes":
            return str(r.randint(45, 150))
        if key == "minutes_lo":
            return str(r.randint(15, 40))
        if key == "weeks":
            return str(r.randint(8, 30))
        if key == "weeks_lo":
            return str(r.randint(2, 7))
        if key == "year":
            return str(self.year + r.randint(0, 3))
        if key == "year_past":
            return str(self.year - r.randint(1, 3))
        if key == "year_end":
            return str(self.year + r.choice([3, 3, 3, 5, 10]))
        if key == "year_far":
            return str(self.year + r.choice([10, 12, 15]))
        if key == "month":
            return r.choice(MONTHS)
        if key == "date":
            return f"{r.choice(MONTHS)} {self.year + r.randint(0, 3)}"
        if key == "person":
            return f"{r.choice(PEOPLE_FIRST)} {r.choice(PEOPLE_LAST)}"
        raise KeyError(key)

    def fill(self, template: str) -> str:
        def sub(m):
            key = m.group(1)
            if key[0].isupper():
                v = self.value(key[0].lower() + key[1:])
                return v[:1].upper() + v[1:]
            return self.value(key)
        return _PH.sub(sub, template)


# --------------------------------------------------------------------------------------
# Blocks
# --------------------------------------------------------------------------------------

def _table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def make_block(kind: str, sec: dict, f: Filler, used: set | None = None) -> str:
    r = f.rng
    if kind == "p":
        fresh = [t for t in sec["paragraphs"] if used is None or t not in used]
        template = r.choice(fresh or sec["paragraphs"])
        if used is not None:
            used.add(template)
        return f.fill(template)
    if kind in ("ul", "ol"):
        items = sec["bullets"] or sec["paragraphs"]
        k = min(len(items), r.randint(3, 6))
        chosen = r.sample(items, k)
        if kind == "ol":
            return "\n".join(f"{i}. {f.fill(t)}" for i, t in enumerate(chosen, 1))
        return "\n".join(f"- {f.fill(t)}" for t in chosen)
    if kind == "servicetable":
        services = r.sample(f.p["service"], r.randint(4, 7))
        rows = []
        for s in services:
            rows.append([s[:1].upper() + s[1:], _fmt_int(r.randint(20, 900) * 100),
                         f"£{r.randint(3, 120)}", f"{r.randint(2, 80)}% online",
                         r.choice(f.p["role"]) if r.random() < 0.85 else "TBC"])
        return _table(["Service", "Yearly volume", "Cost per use", "Digital take-up", "Owner"], rows)
    if kind == "ctable":
        rows = []
        for action, measure in r.sample(COMMITMENTS, r.randint(4, 7)):
            strong = r.random() < 0.6
            rows.append([
                f.fill(action),
                f.fill(measure) if strong or r.random() < 0.5 else "To be confirmed",
                f.value("date") if strong or r.random() < 0.4 else r.choice(["Ongoing", "TBC", ""]),
                (f.value("role") + ".") if strong or r.random() < 0.4 else r.choice(["All", "Digital team", ""]),
            ])
        return _table(["Commitment", "Measure and target", "By when", "Owner"], rows)
    if kind == "clist":
        n = r.randint(4, 12)
        pool = ([(STRONG_COMMITMENT_BULLETS, 3), (HALF_COMMITMENT_BULLETS, 2), (WEAK_COMMITMENTS, 3)])
        items = []
        for _ in range(n):
            bank = r.choices([b for b, _ in pool], weights=[w for _, w in pool])[0]
            items.append("- " + f.fill(r.choice(bank)))
        return "\n".join(items)
    if kind == "risktable":
        risks = ["Cyber attack", "Supplier failure", "Loss of key staff", "Funding delay",
                 "Low take-up", "Data migration errors", "Network outage", "Clinical safety incident"]
        rows = []
        for risk in r.sample(risks, r.randint(3, 5)):
            rows.append([risk, r.choice(["High", "Medium", "Low"]), r.choice(["High", "Medium", "Low"]),
                         f.fill(r.choice(["Quarterly tests and a named lead in {service}.",
                                          "Exit plans in every contract.",
                                          "Cover funded for {frontline}.",
                                          "Phased rollout with a fallback to paper.",
                                          "Monitor and review."])),
                         r.choice(f.p["role"])])
        return _table(["Risk", "Likelihood", "Impact", "Mitigation", "Owner"], rows)
    if kind == "glossary":
        pairs = list(f.p["acr"]) + GLOSSARY_EXTRA
        chosen = sorted(r.sample(pairs, r.randint(5, min(10, len(pairs)))))
        return _table(["Term", "Meaning"], [[a, e] for a, e in chosen])
    raise ValueError(kind)


def section_blocks(key: str, f: Filler, level: int, heading_suffix: str = "") -> list[str]:
    sec = SECTIONS[key]
    r = f.rng
    heading = f.fill(r.choice(sec["headings"])) + heading_suffix
    blocks = ["#" * level + " " + heading]
    kinds = list(sec["kinds"])
    # Vary the shape: sometimes drop a block, sometimes add an extra paragraph.
    if len(kinds) > 1 and r.random() < 0.3:
        kinds.pop(r.randrange(len(kinds)))
    if r.random() < 0.3:
        kinds.insert(r.randrange(len(kinds) + 1), "p")
    used: set = set()
    for kind in kinds:
        if kind == "p" and not sec["paragraphs"]:
            continue
        if kind in ("ul", "ol") and not (sec["bullets"] or sec["paragraphs"]):
            continue
        blocks.append(make_block(kind, sec, f, used))
    return blocks


# --------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------

SMALL_ORDER = ["foreword", "mission", "context", "users", "principles", "delivered", "services",
               "prioritisation", "notdoing", "exemplars", "commitments", "system", "change",
               "infrastructure", "innovation", "data", "workforce", "inclusion", "cyber",
               "risks", "decommission", "measures", "review", "glossary"]


def new_filler(rng: random.Random) -> Filler:
    kind = rng.choice(sorted(PROFILES))
    place, place2 = _place(rng), _place(rng)
    name = rng.choice(PROFILES[kind]["names"]).format(place=place, place2=place2, river=rng.choice(RIVERS))
    year = rng.randint(2023, 2026)
    short = place if kind != "university" or rng.random() < 0.5 else "the university"
    if kind == "council" and rng.random() < 0.5:
        short = "the council"
    if kind == "trust" and rng.random() < 0.5:
        short = "the trust"
    return Filler(rng, kind, name, short, place, year)


def title_block(f: Filler) -> list[str]:
    r = f.rng
    span = r.choice([3, 3, 3, 4, 5, 10])
    title = r.choice(["{org} Digital Strategy {y0}-{y1}", "{org}: digital strategy {y0} to {y1}",
                      "Digital, Data and Technology Strategy {y0}-{y1}: {org}", "{org} — Our Digital Plan"])
    title = title.format(org=f.org, y0=f.year, y1=f.year + span)
    lead = f.fill(r.choice([
        "This strategy runs from April {y0} to March {y1}. It shows how digital work helps our {staffcount} staff serve "
        "{big2} {users} in {place}.",
        "This document sets out our digital priorities for {y0} to {y1}. It was agreed by the {board} in {month}.",
        "This strategy explains what we will change for {users} and {staff} between {y0} and {y1}, and how we "
        "will know it has worked.",
    ]).replace("{y0}", str(f.year)).replace("{y1}", str(f.year + span)))
    return ["# " + title, lead]


def build_document(seed_key: str, target_words: int) -> str:
    """Build one Markdown strategy of about target_words words (deterministic in seed_key)."""
    rng = random.Random(seed_key)
    f = new_filler(rng)
    blocks = title_block(f)
    words = count_words("\n\n".join(blocks))
    lo, hi = target_words, int(target_words * 1.03)

    def candidates():
        if target_words <= 4_000:
            order = list(SMALL_ORDER)
            # Keep the usual front matter order, but drop and shuffle some middle sections.
            middle = order[2:-1]
            rng.shuffle(middle)
            keep = ["mission"] + middle + ["glossary"]
            if rng.random() < 0.5:
                keep.insert(0, "foreword")
            while True:
                for key in keep:
                    yield section_blocks(key, f, 2)
        else:
            part = 0
            while True:
                part += 1
                svc = rng.choice(f.p["service"])
                theme = rng.choice(["Improving {s}", "{S}", "Our plan for {s}", "{S}: what changes"])
                theme = theme.replace("{s}", svc).replace("{S}", svc[:1].upper() + svc[1:])
                yield [f"## Part {part}. {theme}"]
                keys = rng.sample(SMALL_ORDER[1:-1], rng.randint(5, 9))
                for key in keys:
                    yield section_blocks(key, f, 3)

    misses = 0
    for chunk in candidates():
        if words >= lo:
            break
        text = "\n\n".join(chunk)
        n = count_words(text)
        if words + n > hi and len(chunk) > 1:
            # Too big: try a shorter piece (at most a few times), else trim this one.
            misses += 1
            if misses < 25:
                continue
            while len(chunk) > 1 and words + count_words("\n\n".join(chunk)) > hi:
                chunk = chunk[:-1]
            if len(chunk) == 1:
                break
            text = "\n\n".join(chunk)
            n = count_words(text)
        blocks.append(text)
        words += n
    return "\n\n".join(blocks) + "\n"


def make_corpus(out_dir: Path, seed: int = DEFAULT_SEED, quiet: bool = False) -> dict:
    """Write the corpus into out_dir and return the manifest (also written as manifest.json)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest = {"version": CORPUS_VERSION, "seed": seed, "files": {}, "many": {}}
    for name, target in SIZES.items():
        text = build_document(f"{seed}:{name}", target)
        (out_dir / name).write_text(text, encoding="utf-8")
        manifest["files"][name] = count_words(text)
    many = out_dir / "many"
    many.mkdir(exist_ok=True)
    for old in many.glob("strategy-*.md"):
        old.unlink()
    total = 0
    for i in range(1, MANY_FILES + 1):
        name = f"strategy-{i:03d}.md"
        rng = random.Random(f"{seed}:many:{i}")
        target = rng.randint(int(MANY_WORDS * 0.9), int(MANY_WORDS * 1.1))
        text = build_document(f"{seed}:many:{name}", target)
        (many / name).write_text(text, encoding="utf-8")
        w = count_words(text)
        manifest["many"][name] = w
        total += w
    manifest["many_total"] = total
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    if not quiet:
        for name, w in manifest["files"].items():
            print(f"{name:20} {w:>8,} words")
        print(f"{'many/ (200 files)':20} {total:>8,} words "
              f"(min {min(manifest['many'].values()):,}, max {max(manifest['many'].values()):,})")
        print(f"written to {out_dir}")
    return manifest


def load_or_make(out_dir: Path, seed: int = DEFAULT_SEED, quiet: bool = False) -> dict:
    """Reuse out_dir if it already holds this corpus (same version and seed), else (re)write it."""
    mf = Path(out_dir) / "manifest.json"
    try:
        manifest = json.loads(mf.read_text(encoding="utf-8"))
        if manifest.get("version") == CORPUS_VERSION and manifest.get("seed") == seed and all(
                (Path(out_dir) / n).is_file() for n in SIZES) and len(
                list((Path(out_dir) / "many").glob("strategy-*.md"))) == MANY_FILES:
            return manifest
    except (OSError, ValueError):
        pass
    return make_corpus(out_dir, seed, quiet=quiet)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?", default=str(Path(__file__).resolve().parent / "corpus"),
                    help="target folder (default: benchmarks/corpus)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = ap.parse_args(argv)
    make_corpus(Path(args.dir), args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
