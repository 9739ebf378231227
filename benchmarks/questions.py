"""Four hundred distinct questions a reader might ask: about the story, near it, and off it."""

from __future__ import annotations

import itertools
import random

SEED = 20250121

# Things the article talks about, in the words a reader would use for them.
STORY_SUBJECTS = (
    "the intelligence sharing between the US and Syria",
    "Syria's new government",
    "Ahmed al-Sharaa",
    "the new Syrian leader",
    "Bashar al-Assad",
    "the fall of the Assad regime",
    "ISIS",
    "the plot against the shrine near Damascus",
    "the religious shrine",
    "the foiled attack",
    "The Washington Post report",
    "Donald Trump's inauguration",
    "US officials",
    "counterterrorism cooperation",
    "the classified intelligence",
    "a possible ISIS resurgence",
    "relations between Washington and Damascus",
    "the Middle East peace effort",
    "political recognition of the new administration",
    "Caliber.Az",
    "Tamilla Hasanova",
    "the security threat",
    "the bilateral relationship",
    "the new regime's legitimacy",
)
# Near the story (Syria, the US, the region) but not in it, and far from it.
OTHER_SUBJECTS = (
    "Syria's economy",
    "the Russian bases in Syria",
    "Turkey's border policy",
    "the war in Ukraine",
    "Trump's trade talks with China",
    "the price of oil",
    "the World Cup final",
    "a good lasagna recipe",
    "the Eiffel Tower",
    "bitcoin",
    "the James Webb telescope",
    "the Olympic marathon",
    "climate change in the Arctic",
    "the latest iPhone",
)
TEMPLATES = (
    "What does the article say about {s}?",
    "What happened with {s}?",
    "Why does {s} matter?",
    "Who is involved in {s}?",
    "How is {s} described in the story?",
    "Tell me about {s}.",
    "What is the latest on {s}?",
    "Is {s} mentioned anywhere?",
    "What role does {s} play here?",
    "Can you explain {s}?",
    "what do US officials think about {s}",
    "When did we first hear about {s}?",
    "Where does {s} fit into this?",
    "Any details on {s}?",
    "How did {s} come about?",
    "Why should I care about {s}?",
    "Summarise what is known about {s}.",
    "What changed regarding {s}?",
    "Is there any risk linked to {s}?",
    "What is the background to {s}?",
    "who talked about {s}?",
    "Does the report explain {s}?",
)


def questions(count: int = 400, seed: int = SEED) -> list[str]:
    """`count` distinct questions in a fixed order: about three in four on the story's subjects."""
    story = [t.format(s=s) for t, s in itertools.product(TEMPLATES, STORY_SUBJECTS)]
    other = [t.format(s=s) for t, s in itertools.product(TEMPLATES, OTHER_SUBJECTS)]
    rng = random.Random(seed)
    rng.shuffle(story)
    rng.shuffle(other)
    off_topic = min(count // 4, len(other))
    if count - off_topic > len(story):
        raise ValueError(f"Only {len(story) + len(other)} distinct questions can be made.")
    chosen = story[: count - off_topic] + other[:off_topic]
    rng.shuffle(chosen)
    return chosen


# The question a cold process answers: on the story, so the whole answer path runs.
COLD_QUESTION = "What does the article say about Ahmed al-Sharaa?"
