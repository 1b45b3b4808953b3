"""A small synthetic press release for the benchmark tests (invented text)."""

from __future__ import annotations

_LINES = [
    "New study links sleep and memory in older adults",
    "12 March 2024",
    "",
    (
        "Researchers at the University of Northshire have found that people who sleep for"
        " 7 hours a night show a 25% lower risk of memory problems, according to a new "
        "study published today."
    ),
    (
        "The team followed 4,200 participants aged 60 and over for 10 years. They "
        "recorded sleep patterns, diet and physical activity every 2 years, and each "
        "participant completed a memory test at the end."
    ),
    (
        "Professor Helen Marsh, who led the study, said: “Our findings suggest that sleep"
        " is an important part of healthy ageing, and we hope this work will help doctors"
        " give better advice.”"
    ),
    (
        "The results showed that the effect was strongest among women; the link was "
        "weaker in men who exercised regularly."
    ),
    (
        "Dr Samuel Okafor, a co-author of the study, said: “This is a significant step, "
        "but more research is needed before we can say that sleep causes the difference.”"
    ),
    (
        "The study was funded by the Medical Research Foundation and involved co-"
        "operation between three hospitals in the region."
    ),
    (
        "Patients with poor sleep were also more likely to report low mood. This may "
        "increase the risk of further health problems in later life, the team said."
    ),
    (
        "The researchers now plan a larger trial with 12,000 people to test whether "
        "improving sleep can reduce the risk of dementia over time."
    ),
    (
        "Notes to editors: the paper appears in the Journal of Ageing Studies, and "
        "interviews can be arranged through the press office at the university."
    ),
]
SOURCE = "\n".join(_LINES) + "\n"

FILLER = [
    "The town council approved a new timetable for the harbour ferry on Tuesday evening, "
    "and residents will be able to buy season tickets from the library from next month.",
    "A local orchestra will play three free concerts in the museum garden this summer, "
    "with volunteers running a café and a small exhibition about the old railway bridge.",
]
