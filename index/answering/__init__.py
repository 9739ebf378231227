"""From a question to cited passages or a refusal: cleaning, concepts, search, answerability,
follow-ups."""
