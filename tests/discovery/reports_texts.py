"""Texts of our own for the `reports` role: a release, a story in its own words, another study."""

RELEASE = (
    "Daily walking linked to fewer heart admissions in older adults\n\n"
    "A daily brisk walk is linked to fewer hospital admissions for heart disease in older "
    "adults, according to a study by the University of Leeds published today in the BMJ.\n\n"
    "Dr Jane Kowalczyk and colleagues followed 1,200 volunteers aged over sixty in Harrogate "
    "and Wakefield for 14 months. Those who walked for thirty minutes each day had 35% fewer "
    "admissions than those who did not. The trial cost £12m and was funded by the Wellcome "
    "Trust.\n\n"
    '"Our findings are encouraging, but larger trials are needed before firm advice can be '
    'given," said Dr Kowalczyk.'
)
# The same study in other words: no run of words copied, one figure reformatted
# ("£12m" as "12 million pounds"), and a stronger claim ("cuts" for "linked to").
STORY = (
    "Walking every day cuts heart admissions for older people\n\n"
    "Going out on foot every day cuts heart trouble among pensioners, Yorkshire scientists say.\n\n"
    "Researchers at the University of Leeds tracked 1200 men and women past 60 from Harrogate "
    "and Wakefield. Kowalczyk's team found the regular walkers ended up in hospital with "
    "cardiac problems 35 per cent less often. The 12 million pounds project, paid for by the "
    "Wellcome Trust, is described in the BMJ."
)
# The same subject, another study: other people, places, journal and figures.
OTHER_STUDY = (
    "Swimming keeps the heart young, say Exeter doctors\n\n"
    "Older people who swim twice a week have fewer heart admissions, according to doctors at "
    "the University of Exeter writing in the journal Heart.\n\n"
    "Professor Tom Baptiste studied 450 swimmers in Devon and Cornwall over 3 years and found "
    "22% fewer hospital stays among them."
)
# A second release on the same study (the journal's own): as close to the story as the
# first, so neither stands out and nothing may be named.
SECOND_RELEASE = (
    "BMJ paper: walking and heart admissions\n\n"
    "Researchers from the University of Leeds report in the BMJ that 1,200 people over sixty "
    "in Harrogate and Wakefield who walked briskly every day were admitted to hospital with "
    "heart disease 35% less often over 14 months. Dr Jane Kowalczyk led the £12m study, "
    "which the Wellcome Trust paid for."
)
