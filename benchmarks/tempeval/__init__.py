"""TempEval-3 helpers: TimeML reading, DateMention -> TIMEX3 value, the TE3 scoring definitions."""
