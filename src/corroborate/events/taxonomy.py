"""The event vocabulary: ACLED's event types and sub-types, and how other schemes map to it.

Only the category names of ACLED's codebook are used here, never ACLED data. Five further
labels name what conflict news also reports but ACLED does not code (a flood, a diplomatic
visit); the classifier gives them only when no ACLED cue is strong, so such a snippet is not
forced into an ACLED class.
"""

from __future__ import annotations

from types import MappingProxyType

from corroborate.errors import InputError

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": (
        "Violent demonstration",
        "Mob violence",
    ),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

ORGANIZED_CRIME = "Organized crime"
NATURAL_DISASTER = "Natural disaster"
MAN_MADE_DISASTER = "Man-made disaster"
DIPLOMATIC_EVENT = "Diplomatic event"
ATTRIBUTION = "Attribution of responsibility"

# Labels outside ACLED's taxonomy; their ACLED type is "".
NON_ACLED_LABELS: tuple[str, ...] = (
    ORGANIZED_CRIME,
    NATURAL_DISASTER,
    MAN_MADE_DISASTER,
    DIPLOMATIC_EVENT,
    ATTRIBUTION,
)

_TYPE_OF: MappingProxyType[str, str] = MappingProxyType(
    {sub: event_type for event_type, subs in EVENT_TYPES.items() for sub in subs}
    | {label: "" for label in NON_ACLED_LABELS}
)

ACLED_SUB_TYPES: tuple[str, ...] = tuple(sub for subs in EVENT_TYPES.values() for sub in subs)
ALL_LABELS: tuple[str, ...] = ACLED_SUB_TYPES + NON_ACLED_LABELS


def type_of(sub_type: str) -> str:
    """The ACLED event type of a sub-type; "" for the labels outside ACLED's taxonomy."""
    try:
        return _TYPE_OF[sub_type]
    except KeyError:
        raise InputError(
            repr(sub_type),
            "not an ACLED sub-type nor one of the labels outside ACLED; use a name from "
            "corroborate.events.taxonomy.ALL_LABELS, spelt as ACLED spells it",
        ) from None


# The label codes of the CASE 2021 shared task 2 (fine-grained event classification):
# 25 ACLED sub-types and five classes ACLED does not code.
CASE_CODES: dict[str, str] = {
    "ARMED_CLASH": "Armed clash",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike",
    "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GRENADE": "Grenade",
    "SEX_VIOL": "Sexual violence",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence",
    "AGREEMENT": "Agreement",
    "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
    "ORG_CRIME": ORGANIZED_CRIME,
    "NATURAL_DISASTER": NATURAL_DISASTER,
    "MAN_MADE_DISASTER": MAN_MADE_DISASTER,
    "DIPLO": DIPLOMATIC_EVENT,
    "ATTRIB": ATTRIBUTION,
}

# ACLED sub-type -> PLOVER event type. PLOVER splits violence by its form, not its target:
# FIGHT is conventional military force (small arms, artillery, aircraft, taking ground),
# ASSAULT is unconventional and one-sided violence (bombings, WMD, torture, abduction, sexual
# violence), COERCE is repression and seizure without combat (arrests, confiscation,
# demolition, curfews). The choices follow the coding of the PLOVER gold-standard records
# made from the CAMEO manual where they show one.
PLOVER_OF: dict[str, str] = {
    "Armed clash": "FIGHT",
    # Taking or retaking ground by force is FIGHT ("retaken village", "captured stronghold").
    "Government regains territory": "FIGHT",
    "Non-state actor overtakes territory": "FIGHT",
    # Chemical weapons are weapons of mass destruction, an ASSAULT mode.
    "Chemical weapon": "ASSAULT",
    # Aircraft and drones are conventional military force ("aircraft ... killed", "Predator
    # attacks" are FIGHT), whoever is hit.
    "Air/drone strike": "FIGHT",
    "Suicide bomb": "ASSAULT",
    "Shelling/artillery/missile attack": "FIGHT",
    # Roadside bombs, car bombs and IEDs are ASSAULT ("roadside bombing killed").
    "Remote explosive/landmine/IED": "ASSAULT",
    # A thrown explosive is a bombing, not a battle: ASSAULT like other bombs.
    "Grenade": "ASSAULT",
    "Sexual violence": "ASSAULT",
    "Attack": "ASSAULT",
    # PLOVER puts abduction with torture and sexual violence among the forms of ASSAULT,
    # although one early gold record codes a kidnapping as COERCE.
    "Abduction/forced disappearance": "ASSAULT",
    "Peaceful protest": "PROTEST",
    # The event is still a demonstration; the gold records code "used tear gas to disperse
    # demonstrators" as PROTEST.
    "Protest with intervention": "PROTEST",
    # Lethal force against unarmed demonstrators is one-sided violence, ASSAULT, although
    # PLOVER would code a gun battle with the same words ("opened fire") as FIGHT.
    "Excessive force against protesters": "ASSAULT",
    # Rioting and stone-throwing demonstrators are PROTEST in the gold records.
    "Violent demonstration": "PROTEST",
    # A mob beating or lynching people is physical violence outside any demonstration.
    "Mob violence": "ASSAULT",
    "Agreement": "AGREE",
    "Arrests": "COERCE",
    # Growth or reorganisation of a force (new groups, mergers, deployments) is MOBILIZE.
    "Change to group/activity": "MOBILIZE",
    # Confiscating weapons and explosives is COERCE in the gold records.
    "Disrupted weapons use": "COERCE",
    # A new base changes a force's posture: MOBILIZE.
    "Headquarters or base established": "MOBILIZE",
    # Demolition, arson of offices and blowing up power lines are COERCE in the gold records.
    "Looting/property destruction": "COERCE",
    # Withdrawals and handing over a town are RETREAT ("completed withdrawal").
    "Non-violent transfer of territory": "RETREAT",
    # What ACLED files under Other is mostly authorities' restrictions (curfews, states of
    # emergency, bans), which the gold records code as COERCE.
    "Other": "COERCE",
    # Of the labels outside ACLED only the diplomatic event has a PLOVER type: meetings,
    # visits and talks are CONSULT. Crime and disasters have none.
    DIPLOMATIC_EVENT: "CONSULT",
}
