"""Money, the leaf every stage shares: amounts, figures, words, dates. Imports nothing of ours."""
