"""Every tuning number of the speech rules, in one place, with what it means.

Pipeline: no stage of its own; the rules (stage 2) read these.

Two kinds of number decide what quotecheck finds. A **threshold** says when a
rule fires: how reliably a verb must denote speech (the ``strength`` column of
``speech_verbs.tsv``, 1.0 = always), how many words a quote needs, how far a
frame may reach. A **confidence** is what a rule says about the quotes it finds
(the ``confidence`` field of the output, in [0, 1]); it ranks quotes, it never
drops one. Changing a number changes output: regenerate the accuracy gate
(``python benchmarks/gate.py --update``) and read its diff.
"""

from __future__ import annotations

__all__ = [
    "ACCORDING_IMPERSONAL",
    "ACCORDING_PHRASE",
    "ACCORDING_SO",
    "ADVERBIAL_TAIL_TOKENS",
    "ALWAYS_SPEECH",
    "APPOSITION_PARTICLE_TOKENS",
    "AUXILIARY_TOKENS",
    "CANDIDATE_DEFAULT",
    "CLAIMED_SHARE",
    "CONTENT_TOKENS",
    "CUT_CONTENT_WORDS",
    "DASS_BASE",
    "DIRECT_FRAMED",
    "DIRECT_UNFRAMED",
    "DIRECT_SLOGAN",
    "SLOGAN_LINK_TOKENS",
    "SLOGAN_VERB_TOKENS",
    "FRAME_AFTER_TOKENS",
    "FRAME_GAP_TOKENS",
    "APPOSITIONS_IN_FRAME",
    "BRACKET_ASIDE_TOKENS",
    "FRAME_TAIL_TOKENS",
    "FREE_INDIRECT_PASSED",
    "FREE_INDIRECT_REPORTIVE",
    "FREE_INDIRECT_SUBJUNCTIVE",
    "FREE_INDIRECT_WORDS",
    "KONJUNKTIV_I_STARTS_RUN",
    "MODAL_CONTINUES_RUN",
    "SOLL_SEIN_IS_HEARSAY",
    "INDIRECT_POSTPOSED",
    "INDIRECT_WIE_PREPOSED",
    "LABEL_TOKENS",
    "LEAD_TOKENS",
    "MIN_DASS_STRENGTH",
    "MIN_PIECE_STRENGTH",
    "MIN_V2_STRENGTH",
    "NP_BEFORE_TOKENS",
    "OBJECT_WORDS",
    "OTHER_BASE",
    "PHRASE_WINDOW_AFTER",
    "PHRASE_WINDOW_BEFORE",
    "PIECE_WORDS",
    "QUOTED_OBJECT_TOKENS",
    "PREFIELD_TOKENS",
    "PREP_OBJECT_VERB_REACH",
    "REPORT_ATTRIBUTE_TOKENS",
    "RELIABLE_SPEECH",
    "REPORTED",
    "REPORT_OF_PREVIOUS",
    "RUN_ACT_STRENGTH",
    "SO_FRAME_TAIL_WORDS",
    "SOURCE_BEFORE_TOKENS",
    "SOURCE_DATE_TOKENS",
    "SOURCE_WINDOW_TOKENS",
    "SPEECH_NOUN",
    "STANDALONE_WORDS",
    "EMBEDDED_WORDS",
    "STRENGTH_WEIGHT",
    "TITLE_WORDS",
    "UNBALANCED_PENALTY",
    "UNKNOWN_VERB_STRENGTH",
]

# --- how reliably a verb denotes speech (speech_verbs.tsv, column strength) -----------

#: A verb that always denotes speech („sagen“, „kritisieren“): only such a verb reports
#: a speech act by its bare object, takes verb-second content in the indicative, or
#: makes a sentence a frame of its own that free indirect speech must not continue.
ALWAYS_SPEECH = 1.0
#: From this strength on a verb frames postposed content („…, sagte er“), a wie-clause,
#: a zu-infinitive or direct speech without the direct valency („betonte er“).
RELIABLE_SPEECH = 0.8
#: The weakest verb whose dass-, ob- or w-clause is reported content („vermuten, dass“).
MIN_DASS_STRENGTH = 0.6
#: The weakest verb that reports a speech act when a quoted piece is its object („nannte … „…““).
MIN_PIECE_STRENGTH = 0.6
#: The weakest verb whose verb-second clause in Konjunktiv is reported content.
MIN_V2_STRENGTH = 0.5
#: The strength assumed for a cue without a lexicon entry (a speech phrase read off the text).
UNKNOWN_VERB_STRENGTH = 0.7

# --- how many words, how far ----------------------------------------------------------

#: A quote standing alone at a sentence start needs this many words („„Wir kommen.““ is too short).
STANDALONE_WORDS = 4
#: An unframed quote inside a sentence needs this many words and a final punctuation mark.
EMBEDDED_WORDS = 8
#: At most this many tokens make a speaker label before a colon („Bundestrainerin Eva Roth:“).
LABEL_TOKENS = 6
#: A quoted title is this many words at most („der „Wirtschaftswoche““, „„Le Monde““).
TITLE_WORDS = 5
#: At most this many tokens from a cue to the comma or colon before its content, and
#: from „wie“ to the end of a wie-frame.
FRAME_GAP_TOKENS = 12
#: A frame runs over at most this many appositions between commas („wie Jan Berg, Sprecher der
#: Stadtwerke, mitteilte“); their tokens do not count towards FRAME_GAP_TOKENS.
APPOSITIONS_IN_FRAME = 2
#: A bracketed aside between a verb and its particle („teilte am Abend (Ortszeit) mit“) holds
#: at most this many tokens.
BRACKET_ASIDE_TOKENS = 6
#: Tokens allowed after the inverted subject of a postposed frame („…, sagte er am Montag“) …
FRAME_TAIL_TOKENS = 4
#: … or this many when they are adverbials only (no coordinated clause).
ADVERBIAL_TAIL_TOKENS = 12
#: A frame after a direct quote („…“, sagte er der „Zeit“ am Montag …) is read this many
#: tokens at most (the longest sentence of the WikiNews texts has 128 tokens): a run-on
#: with quoted titles („… und „Titel“, die Regierung sagte …“) is not walked per quote.
FRAME_AFTER_TOKENS = 130
#: A multi-word speech phrase is sought this many tokens before and after its verb.
PHRASE_WINDOW_BEFORE = 6
PHRASE_WINDOW_AFTER = 8
#: A particle after an apposition („gab der Leiter, Andreas Huber, bekannt“) is sought this far.
APPOSITION_PARTICLE_TOKENS = 16
#: A noun phrase read backwards from where it ends („Merkel:“, the speaker before a colon) starts at most this many tokens before it.
NP_BEFORE_TOKENS = 8
#: A source before „zufolge“ („der Polizei zufolge“) starts at most this many tokens before it.
SOURCE_BEFORE_TOKENS = 10
#: A date between a noun of saying and „zufolge“ („Angaben vom gestrigen Montag zufolge“)
#: has at most this many tokens after its preposition.
SOURCE_DATE_TOKENS = 4
#: A quote's sources are sought in its frame's sentences, at most this many tokens
#: before and after the frame (the longest sentence of the WikiNews texts has 128
#: tokens; a longer one is a list or a run-on, „sagte er, sagte er, …“).
SOURCE_WINDOW_TOKENS = 100
#: A „so“-frame in mid-sentence („…, so der Minister, …“) may be followed by this many words.
SO_FRAME_TAIL_WORDS = 6
#: A verb whose object „nach“ opens („suchte weiterhin nach Informationen“) stands at most
#: this many tokens before the preposition.
PREP_OBJECT_VERB_REACH = 3
#: An extended attribute between the determiner and the noun of an according-to phrase
#: („nach einer am Dienstag veröffentlichten Studie“) is at most this many tokens long.
REPORT_ATTRIBUTE_TOKENS = 6
#: The finite verb of a reported speech act stands within this many tokens of the sentence start.
PREFIELD_TOKENS = 14
#: … and the finite auxiliary of one in the perfect („Brenneisen hatte … zurückgewiesen“) within this many.
AUXILIARY_TOKENS = 8
#: A reported speech act needs this many words of object („lobte die Helfer“).
OBJECT_WORDS = 2
#: Reported content runs at most this many tokens from its start (the longest sentence of
#: the WikiNews texts has 128 tokens; a longer one is a list or a run-on without a full stop).
CONTENT_TOKENS = 200
#: A subject that opens the sentence before a frame at its verb („Ahmad Nuristani, der
#: Vorsitzende der Wahlkommission, sagte, …“) is looked for only when the sentence began at
#: most this many tokens before the frame (as above: a longer one is a run-on, and reading
#: it from its start at every frame would make such a text quadratic).
FRONT_SUBJECT_TOKENS = 200
#: Indirect content cut short before a direct quote its frame also introduces („Er sagte,
#: die Reform sei ein „Opfer“ und …: „…““) keeps at least this many words (subject, verb, object).
CUT_CONTENT_WORDS = 3
#: The lead of a sentence before another quote's frame or content („Er nannte X „Y“ und
#: erklärte, …“) is read for a speech act when it has at least this many tokens
#: (subject, verb and an object of two words).
LEAD_TOKENS = 4
#: A quoted piece up to this many words is a fragment; longer quoted text is speech of its own.
PIECE_WORDS = 12
#: A verb's particle is looked for after a quoted object („wies auf „große Lücken“ hin“) whose
#: closing mark comes within this many tokens of its opening one (a piece with its punctuation).
QUOTED_OBJECT_TOKENS = 30
#: A free-indirect sentence has at least this many words.
FREE_INDIRECT_WORDS = 3
#: A run of free indirect speech passes over this many sentences whose mood cannot be read.
FREE_INDIRECT_PASSED = 1
#: A speech act without a content clause starts a run when its verb is this strong
#: („Der Bürgermeister zeigte sich erleichtert. Die Stimmung sei gut.“).
RUN_ACT_STRENGTH = 0.6
#: A main clause in Konjunktiv I starts a run of free indirect speech by itself, with
#: no quote before it („Der Vorstand äußerte sich am Abend. Man habe keine Wahl gehabt.“).
KONJUNKTIV_I_STARTS_RUN = True
#: Inside a run, a main clause with sollen/wollen continues it as a reported plan
#: („Die Ministerin sagte, die Reform komme. Die Schulen sollen mehr Geld erhalten.“).
MODAL_CONTINUES_RUN = True
#: sollen with a bare copula closing the clause is hearsay even outside a run
#: („Das Motiv soll Eifersucht sein.“).
SOLL_SEIN_IS_HEARSAY = True
#: An according-to phrase is not sought in a sentence whose text is claimed beyond this share.
CLAIMED_SHARE = 0.5

# --- confidences -----------------------------------------------------------------------

#: A candidate whose rule says nothing else.
CANDIDATE_DEFAULT = 0.8
#: Direct speech with a frame („„…“, sagte sie“) …
DIRECT_FRAMED = 0.9
#: … and without one (a quote opening its sentence, the speaker inherited).
DIRECT_UNFRAMED = 0.6
#: Confidence of a quoted slogan or inscription („skandierten Parolen wie „…““): the
#: group that chanted it is read from the clause, no speech verb frames it.
DIRECT_SLOGAN = 0.6
#: At most this many slogan_link words stand between a slogan noun and its slogan („wie zum Beispiel“).
SLOGAN_LINK_TOKENS = 3
#: After a finite auxiliary („Die Täter hatten Parolen wie „…“ an die Wand gesprüht“), the
#: participle that voices or writes the slogan stands within this many tokens of its closing mark.
SLOGAN_VERB_TOKENS = 12
#: Subtracted when a quotation mark was never closed (the quote was cut at the paragraph end).
UNBALANCED_PENALTY = 0.2
#: Indirect speech with a dass/ob clause: ``DASS_BASE + STRENGTH_WEIGHT × verb strength`` …
DASS_BASE = 0.6
#: … with a w-clause, a zu-infinitive or verb-second content: ``OTHER_BASE + STRENGTH_WEIGHT × strength``.
OTHER_BASE = 0.5
STRENGTH_WEIGHT = 0.3
#: „Wie der Anwalt mitteilte, brach er zusammen“: a wie-clause before its content.
INDIRECT_WIE_PREPOSED = 0.85
#: „Die Lage sei ernst, sagte Kim“: a frame after its content.
INDIRECT_POSTPOSED = 0.8
#: „die Hoffnung, dass …“: a noun of saying with its content.
SPEECH_NOUN = 0.6
#: „… Das teilte die Notenbank mit.“: the sentence before is what was said.
REPORT_OF_PREVIOUS = 0.7
#: „…, so der Minister.“
ACCORDING_SO = 0.8
#: „laut X“, „X zufolge“, „nach Angaben von X“, „demnach“.
ACCORDING_PHRASE = 0.75
#: „…, hieß es.“: no speaker named.
ACCORDING_IMPERSONAL = 0.7
#: A speech act told as an event („Putin lobte die Soldaten“).
REPORTED = 0.6
#: A sentence in Konjunktiv continuing someone's reported speech …
FREE_INDIRECT_SUBJUNCTIVE = 0.6
#: … or one with reportive sollen/wollen only („Der Täter soll geflohen sein“).
FREE_INDIRECT_REPORTIVE = 0.5
