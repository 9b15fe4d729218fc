"""Attribution: every statement the text attributes to a source, as a ``ClaimMention``.

Runs last, after NER, entity fixes, quantities and dates. Per corrected
sentence (``attribution_text.Unit``) it looks for a cue outside quotations:

* a reporting verb (lexicon ``reporting_verbs``) with its subject as the
  source (``nsubj``, inverted "said X", or, where the parse fails, the noun
  phrase between the last comma and the verb) and, as content, its ``ccomp``
  / "that"-clause after it, the clause before ", X said", or the quotation
  around it ("“A,” he said. “B.”" continues into the next quotation units);
* "according to X" (source: the ``pobj``; content: the rest of the sentence);
* "citing Y" after another cue: a second, low-confidence claim (the
  guidelines make it optional).

Negated ("did not say") and hypothetical ("would say") cues, headings and
boilerplate give nothing. Sources get a type from the entity label and head
noun, and a canonical name: PERSON/ORG canonical from the entity stage,
pronouns and "the court"-style descriptions resolved to earlier entities.
The confidence is a fixed score per pattern (lexicon ``confidence``), lowered
when the source came from word position rather than the parse or is a pronoun.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .attribution_text import Quote, QuoteMarks, Unit, build_units, find_quotes, inside, paragraphs
from .extensions import (
    ClaimMention,
    DateMentionData,
    QuantityMention,
    article_of,
    in_ranges,
    register_extensions,
)
from .lexicon import LexiconComponent

_TRIM_END = " \t\r\n\xa0.,;:"


@dataclass
class Source:
    start: int
    end: int
    head: Token
    from_position: bool = False


@dataclass
class ArticleContext:
    """What the stage needs about the whole article while it walks the units."""

    doc: Doc
    text: str  # doc.text and doc.ents, built once: spaCy rebuilds them on every access
    ents: Sequence[Span]
    units: list[Unit]
    quotes: list[Quote]
    dates: list[DateMentionData]
    quantities: list[QuantityMention]
    genders: dict[str, str]
    claims: list[ClaimMention]


class AttributionStage(LexiconComponent):
    lexicon_file = "attribution.json"

    def set_lexicon(self, lexicon: dict[str, Any]) -> None:
        super().set_lexicon(lexicon)
        words = lambda key: {w.lower() for w in lexicon.get(key, [])}  # noqa: E731
        self.verbs = words("reporting_verbs")
        self.citing = words("citing")
        # Two-word cues whose preposition governs the source: "according to X".
        self.prepositional_cues = {
            first.lower(): second.lower() for first, second in lexicon.get("prepositional_cues", [])
        }
        self.negations = words("negation_words")
        self.hypothetical = words("hypothetical_auxiliaries")
        self.refusal_heads = words("refusal_heads")
        self.titles = words("title_abbreviations")
        self.name_particles = set(lexicon.get("name_particles", []))
        self.role_titles = words("role_titles")
        self.abbreviations = words("abbreviations") | self.titles
        self.document_nouns = words("document_nouns")
        self.organization_nouns = words("organization_nouns")
        self.person_nouns = words("person_nouns")
        self.person_pronouns: dict[str, str] = lexicon.get("person_pronouns", {})
        self.organization_pronouns = words("organization_pronouns")
        self.group_pronouns = words("group_pronouns")
        self.first_person = words("first_person_pronouns")
        self.anaphoric_org_nouns = words("anaphoric_organization_nouns")
        self.outlet_nouns = words("outlet_nouns")
        self.name_suffixes = words("organization_name_suffixes")
        self.name_function_words = words("name_function_words")
        self.clause_joiners = words("clause_joiners")
        self.question_words = words("embedded_question_words")
        self.object_verbs = words("figure_object_verbs")
        self.date_path_deps = set(lexicon.get("statement_date_path_deps", []))
        self.confidence: dict[str, float] = lexicon.get("confidence", {})
        self.marks = QuoteMarks(
            frozenset(lexicon.get("opening_quotes", [])),
            frozenset(lexicon.get("closing_quotes", [])),
            frozenset(lexicon.get("straight_quotes", [])),
        )

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_lexicon()
        meta = article_of(doc)
        text = doc.text
        paras = paragraphs(text)
        quotes = [
            q for p_start, p_end in paras for q in find_quotes(text, p_start, p_end, self.marks)
        ]
        units = build_units(doc, text, paras, quotes, self.abbreviations, self.marks, self.titles)
        ctx = ArticleContext(
            doc,
            text,
            doc.ents,
            units,
            quotes,
            list(doc._.dates or []),
            list(doc._.quantities or []),
            {},
            [],
        )
        skip = meta.headings + meta.boilerplate
        consumed: set[int] = set()  # units already taken by a quotation that continues
        for index, unit in enumerate(units):
            if index in consumed or in_ranges(unit.start, unit.end, skip):
                continue
            for claim, used in self._unit_claims(ctx, index):
                consumed.update(used)
                ctx.claims.append(claim)
        doc._.claims = _without_nested(sorted(ctx.claims, key=lambda c: (c.start, c.cue_start)))
        return doc

    # -- cues ----------------------------------------------------------------

    def _unit_claims(self, ctx: ArticleContext, index: int) -> list[tuple[ClaimMention, list[int]]]:
        unit = ctx.units[index]
        text = ctx.text
        if text[unit.start : unit.end].rstrip('”"’ ').endswith("?") and not inside(
            unit.end - 2, ctx.quotes
        ):
            return []  # the reporter's own question
        found: list[tuple[ClaimMention, list[int]]] = []
        for token in unit.span:
            if inside(token.idx, ctx.quotes):
                continue
            claim: tuple[ClaimMention, list[int]] | None = None
            if self._prepositional_cue(token):
                claim = self._according_to(ctx, unit, token)
            elif (
                token.lemma_.lower() in self.verbs
                and token.pos_ == "VERB"
                and token.dep_ not in ("amod", "compound")
            ) or _verb_tagged_as_noun(token, self.verbs):
                claim = self._reporting_verb(ctx, index, token)
            if claim is not None:
                found.append(claim)
                nested = self._citing(ctx, unit, claim[0])
                if nested is not None:
                    found.append((nested, []))
        return _share_statement_date(found)

    def _prepositional_cue(self, token: Token) -> bool:
        """ "according to": the cue word and, next to it, the preposition that takes the source."""
        preposition = self.prepositional_cues.get(token.lower_)
        doc = token.doc
        return (
            preposition is not None
            and token.i + 1 < len(doc)
            and doc[token.i + 1].lower_ == preposition
        )

    def _according_to(
        self, ctx: ArticleContext, unit: Unit, cue: Token
    ) -> tuple[ClaimMention, list[int]] | None:
        doc = ctx.doc
        to = doc[cue.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"]
        if not objects:
            return None
        source = self._noun_phrase(objects[0], unit, stop=None)
        if source is None:
            return None
        if cue.i == unit.span.start or doc[cue.i - 1].is_sent_start:
            # "According to X, content."
            after = doc.char_span(source.end, unit.end, alignment_mode="expand")
            start = source.end
            if after is not None and len(after) and after[0].text == ",":
                start = after[0].idx + 1
            bounds = (start, unit.end)
        else:
            bounds = (unit.start, cue.idx)
        content = self._trim(ctx, *bounds, direct=False)
        if content is None:
            return None
        claim = self._mention(
            ctx,
            unit.start,
            unit.end,
            "according_to",
            source,
            cue.idx,
            to.idx + len(to),
            f"{cue.lower_} {to.lower_}",
            content,
            "according_to",
        )
        return claim, []

    def _reporting_verb(
        self, ctx: ArticleContext, index: int, cue: Token
    ) -> tuple[ClaimMention, list[int]] | None:
        unit = ctx.units[index]
        if self._negated_or_hypothetical(cue):
            return None
        source = self._verb_source(cue, unit)
        if source is None:
            return None
        text = ctx.text
        post = self._content_after(ctx, cue, source, unit)
        pattern = "that_clause"
        boundary: int | None = None
        if post is not None:
            start = post
            end = self._before_second_cue(ctx, cue, start, unit.end)
            opening = ctx.doc.char_span(start, start + 4)
            if text[start:].startswith("that ") and (opening is None or opening[0].dep_ != "nsubj"):
                start += 5  # not the pronoun in "Critics said that fell short"
            elif not self._opens_quote(text, start):
                pattern = "bare_complement"
        elif cue.tag_ == "VBG":
            return None  # a participle ("adding") reports only what follows it
        else:
            boundary = self._content_before(ctx, cue, source, unit)
            if boundary is None:
                return self._figure_object(ctx, cue, source, unit)
            start, end = unit.start, boundary
            pattern = "sentence_final"
            reopened = self._quote_after(ctx, cue, source, unit)
            if reopened is not None and self._opens_quote(text, start):
                end = reopened.end  # “A,” Vos added, “B.”
        used: list[int] = []
        claim_end = unit.end
        direct = self._opens_quote(text, start)
        if direct:
            pattern = "direct"
            quote = inside(start + 1, ctx.quotes)
            if quote is not None and quote.end > end and start == quote.start:
                end = quote.end
            end, claim_end, used = self._continue_quotation(ctx, index, end, claim_end)
        content = self._trim(ctx, start, end, direct=direct)
        if content is None:
            return None
        if not direct and text[content[0] :].split(None, 1)[0].lower() in self.question_words:
            return None  # "explained why ...", "said whether ...": an embedded question
        kind = "direct" if direct else self._indirect_kind(text, content)
        claim = self._mention(
            ctx,
            unit.start,
            claim_end,
            kind,
            source,
            cue.idx,
            cue.idx + len(cue),
            cue.lemma_.lower(),
            content,
            pattern,
        )
        return claim, used

    def _figure_object(
        self, ctx: ArticleContext, cue: Token, source: Source, unit: Unit
    ) -> tuple[ClaimMention, list[int]] | None:
        """ "The agency predicted a 70% chance of rain": a forecasting or announcing verb whose
        object holds a figure states a checkable claim; "announced the merger" does not."""
        if cue.lemma_.lower() not in self.object_verbs or cue.dep_ != "ROOT":
            return None
        objects = [c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i]
        if not objects:
            return None
        start = objects[0].left_edge.idx
        end = min(cue.right_edge.idx + len(cue.right_edge), unit.end)
        if not any(start <= q.start < end for q in ctx.quantities):
            return None
        content = self._trim(ctx, start, end, direct=False)
        if content is None:
            return None
        claim = self._mention(
            ctx,
            unit.start,
            unit.end,
            self._indirect_kind(ctx.text, content),
            source,
            cue.idx,
            cue.idx + len(cue),
            cue.lemma_.lower(),
            content,
            "figure_object",
        )
        return claim, []

    def _indirect_kind(self, text: str, content: tuple[int, int]) -> str:
        """Reported speech that still quotes some words verbatim is "mixed"."""
        quoted = any(c in self.marks.all for c in text[content[0] : content[1]])
        return "mixed" if quoted else "indirect"

    def _citing(self, ctx: ArticleContext, unit: Unit, outer: ClaimMention) -> ClaimMention | None:
        """'..., according to X, citing Y': the inner source as a second, optional claim."""
        for token in unit.span:
            if (
                token.lower_ not in self.citing
                or token.idx < outer.source_end
                or inside(token.idx, ctx.quotes)
            ):
                continue
            objects = [c for c in token.children if c.dep_ in ("dobj", "pobj", "attr")]
            if not objects:
                continue
            source = self._noun_phrase(objects[0], unit, stop=None)
            if source is None:
                continue
            content = (outer.content_start, outer.content_end)
            return self._mention(
                ctx,
                outer.start,
                outer.end,
                "indirect",
                source,
                token.idx,
                token.idx + len(token),
                "cite",
                content,
                "nested_citing",
            )
        return None

    def _negated_or_hypothetical(self, cue: Token) -> bool:
        for child in cue.children:
            if child.dep_ == "neg" or child.lower_ in self.negations:
                return True
            if child.dep_ == "aux" and child.lower_ in self.hypothetical:
                return True
            if child.dep_ == "advcl" and any(
                g.lower_ == "if" and g.dep_ == "mark" for g in child.children
            ):
                continue
            if child.dep_ == "mark" and child.lower_ == "if":
                return True
        return cue.dep_ == "xcomp" and cue.head.lemma_.lower() in self.refusal_heads

    # -- sources ---------------------------------------------------------------

    def _verb_source(self, cue: Token, unit: Unit) -> Source | None:
        if cue.pos_ == "NOUN":  # "Toyota Motor forecast that": the name is its compound
            name = cue.doc[max(cue.left_edge.i, unit.span.start) : cue.i]
            return Source(name.start_char, name.end_char, name[-1]) if len(name) else None
        subjects = [c for c in cue.children if c.dep_ == "nsubj"]
        if not subjects and cue.dep_ == "conj":
            subjects = [c for c in cue.head.children if c.dep_ == "nsubj"]
        if not subjects:
            agents = [c for c in cue.children if c.dep_ == "agent"]
            subjects = [c for c in agents[0].children if c.dep_ == "pobj"] if agents else []
        if subjects and subjects[0].tag_ in ("WDT", "WP") and cue.dep_ == "relcl":
            # "..., Adidas, which said": the relative pronoun stands for the noun it follows,
            # the appositive name when there is one ("its maker, Velox, which said").
            names = [c for c in cue.head.rights if c.dep_ == "appos" and c.i < subjects[0].i]
            antecedent = names[-1] if names else cue.head
            return self._noun_phrase(antecedent, unit, stop=subjects[0])
        if (
            subjects
            and subjects[0].lower_ not in self.first_person
            and unit.span.start <= subjects[0].i < unit.span.end
        ):
            described = self._described_name(cue, subjects, unit)
            return described or self._noun_phrase(subjects[0], unit, stop=cue)
        if subjects:
            return None
        if cue.tag_ == "VBG" and cue.i > 0 and cue.doc[cue.i - 1].text == ",":
            return self._participle_source(cue, unit)
        if self._misparsed_as_modifier(cue):
            return self._noun_phrase(cue.head, unit, stop=None)
        return self._source_by_position(cue, unit)

    def _described_name(self, cue: Token, subjects: list[Token], unit: Unit) -> Source | None:
        """ "The monitoring group OVD-Info said": the small model often splits a description and
        the name after it into two subjects, or hangs the verb on the description as a relative
        clause ("..., the debt charity StepBridge said"). The source is the whole phrase, headed
        by the name, unless the name sits in an "of" phrase of the first ("Jo Lee of the group
        Riders United", whose head stays the person)."""
        if len(subjects) >= 2:
            first, name = subjects[0], subjects[1]
        elif cue.dep_ == "relcl" and cue.head.pos_ == "NOUN" and subjects[0].pos_ == "PROPN":
            first, name = cue.head, subjects[0]
        else:
            return None
        if name.left_edge.i != first.i + 1 and name.left_edge.i != first.right_edge.i + 1:
            return None
        description = self._noun_phrase(first, unit, stop=name)
        named = self._noun_phrase(name, unit, stop=cue)
        if description is None or named is None or description.end >= named.start:
            return None
        of_phrase = any(t.lower_ == "of" for t in cue.doc[first.i + 1 : name.i])
        return Source(description.start, named.end, first if of_phrase else name)

    def _misparsed_as_modifier(self, cue: Token) -> bool:
        """ "UK Finance, the lenders' body, estimated that ...": after an appositive the small
        model often hangs the verb on the subject noun as a reduced relative (``acl``); with a
        clause after it, the noun is the subject of the whole sentence."""
        head = cue.head
        return (
            cue.dep_ == "acl"
            and head.pos_ in ("NOUN", "PROPN")
            and head.dep_ in ("ROOT", "nsubj")
            and cue.i > 0
            and cue.doc[cue.i - 1].text == ","
            and any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children)
        )

    def _participle_source(self, cue: Token, unit: Unit) -> Source | None:
        """ "X said A, adding that B" / "X asked for B, arguing that C": the participle's
        source is that of the main reporting verb above it, else the subject of the main
        clause (the parse often hangs the participle on a verb inside the first content)."""
        ancestors = [a for a in cue.ancestors if a.pos_ in ("VERB", "AUX")][::-1]
        for verb in ancestors:
            if verb.lemma_.lower() in self.verbs:
                return self._verb_source(verb, unit)
        for verb in ancestors:
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if subjects and subjects[0].lower_ not in self.first_person:
                return self._noun_phrase(subjects[0], unit, stop=verb)
        return None

    def _noun_phrase(self, head: Token, unit: Unit, stop: Token | None) -> Source | None:
        """The phrase headed by ``head``, cut at a comma, dash or quotation mark around the head."""
        doc = head.doc
        left, right = head.left_edge.i, head.right_edge.i
        left = max(left, unit.span.start)
        right = min(right, unit.span.end - 1)
        if stop is not None:
            if stop.i > head.i:
                right = min(right, stop.i - 1)
            else:
                left = max(left, stop.i + 1)
        i = head.i + 1
        while i <= right:
            if _acronym_in_brackets(doc, i):
                i += 3  # "the Safety Board (NSB)": the acronym belongs to the name
                continue
            if doc[i].text in {",", "—", "–", "(", ";"} or doc[i].text in self.marks.all:
                right = i - 1
                break
            i += 1
        for i in range(head.i - 1, left - 1, -1):
            if doc[i].text in {",", "—", "–", ")", ";"} or doc[i].text in self.marks.all:
                left = i + 1
                break
        left = self._with_title(doc, left, unit)
        if right + 1 < len(doc) and _acronym_in_brackets(doc, right - 1):
            right += 1  # the closing bracket the parse left outside the phrase
        while right > left and (doc[right].is_punct or doc[right].is_space):
            if _acronym_in_brackets(doc, right - 2):
                break
            right -= 1
        while (  # "Okafor-Reyes": the parse may leave the second half of a double name out
            right + 2 < unit.span.end
            and doc[right + 1].text == "-"
            and not doc[right].whitespace_
            and not doc[right + 1].whitespace_
            and doc[right].is_title
            and doc[right + 2].is_title
        ):
            right += 2
        if right < left:
            return None
        span = doc[left : right + 1]
        return Source(span.start_char, span.end_char, head)

    def _with_title(self, doc: Doc, left: int, unit: Unit) -> int:
        """Move the phrase start back over an abbreviated title the parse left outside it
        ("Coun. Ana Ruiz", tokenised "Coun" "." and often parsed as a sentence of its own)."""
        split_title = left - 2 >= unit.span.start and doc[left - 1].text == "."
        if split_title and f"{doc[left - 2].lower_}." in self.titles:
            return left - 2
        if left - 1 >= unit.span.start and doc[left - 1].lower_ in self.titles:
            return left - 1
        return left

    def _source_by_position(self, cue: Token, unit: Unit) -> Source | None:
        """Where the parse lost the subject: the noun phrase between the last comma and the verb."""
        doc = cue.doc
        i = cue.i - 1
        while (
            i >= unit.span.start
            and doc[i].text not in {",", "—"}
            and doc[i].text not in self.marks.all
        ):
            i -= 1
        tokens = doc[i + 1 : cue.i]
        nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN", "PRON")]
        if (
            not tokens
            or not nouns
            or len(tokens) > 10
            or any(t.pos_ in ("VERB", "AUX") for t in tokens)
        ):
            return None
        # The phrase's own head ("report" in "A report by the institute"), else its last noun.
        roots = [t for t in nouns if not tokens.start <= t.head.i < tokens.end or t.head.i == t.i]
        head = roots[0] if roots else nouns[-1]
        return Source(tokens.start_char, tokens.end_char, head, from_position=True)

    # -- content ---------------------------------------------------------------

    def _content_after(
        self, ctx: ArticleContext, cue: Token, source: Source, unit: Unit
    ) -> int | None:
        """Where the claimed clause starts after the cue: its ccomp, "that", or a quotation."""
        text = ctx.text
        complements = [
            c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i and c.i < unit.span.end
        ]
        if complements:
            left = complements[0].left_edge
            start = left.idx
            prev = left.nbor(-1) if left.i > 0 else None
            if prev is not None and prev.lower_ == "that" and prev.i > cue.i:
                start = prev.idx
            if start > max(source.end, cue.idx):
                gap = text[max(source.end, cue.idx + len(cue)) : start]
                quote_at = max(gap.rfind(m) for m in self.marks.opening | self.marks.straight)
                if quote_at >= 0 and not gap[quote_at + 1 :].strip():
                    start -= len(gap) - quote_at  # said: “Q” — the content is the quotation
                return start
        after = max(source.end, cue.idx + len(cue))
        for token in ctx.doc.char_span(after, unit.end, alignment_mode="expand") or []:
            attached = token.dep_ == "mark" or token.head.head.i == cue.i
            if token.lower_ == "that" and token.head.i != cue.i and attached:
                return token.idx
            if token.text == ":":
                following = text[token.idx + 1 : unit.end]
                quote_at = token.idx + 1 + len(following) - len(following.lstrip())
                if self._opens_quote(text, quote_at):
                    return quote_at
            reduced_relative = token.dep_ == "acl" and token.tag_ == "VBN"  # "a report published"
            if (token.pos_ in ("VERB", "AUX") and not reduced_relative) or token.text in {".", ";"}:
                break
        return None

    def _before_second_cue(self, ctx: ArticleContext, cue: Token, start: int, end: int) -> int:
        """Where the content hands over to a second reporting verb of the same sentence, which
        gives its own claim: "X said A and argued that B", "X said A, adding that B",
        "X said A, though she acknowledged B"."""
        for verb in cue.conjuncts:
            if (
                verb.i > cue.i
                and start < verb.idx < end
                and verb.pos_ == "VERB"
                and verb.lemma_.lower() in self.verbs
            ):
                joints = [c for c in verb.lefts if c.dep_ == "cc"] + [
                    c for c in cue.children if c.dep_ == "cc" and c.i < verb.i
                ]
                cut = max((c for c in joints if c.idx > start), key=lambda c: c.i, default=verb)
                return cut.idx
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        for verb in span or []:
            if (
                verb.i <= cue.i
                or verb.pos_ != "VERB"
                or verb.lemma_.lower() not in self.verbs
                or inside(verb.idx, ctx.quotes)
            ):
                continue
            cut_at = self._clause_start(verb)
            if cut_at is not None and start < cut_at.idx:
                head = ctx.doc.char_span(start, cut_at.idx, alignment_mode="contract")
                if head is not None and any(t.pos_ in ("VERB", "AUX") for t in head):
                    return cut_at.idx
        return end

    def _clause_start(self, verb: Token) -> Token | None:
        """The comma or conjunction that opens a second reporting clause: ", adding that",
        ", though she acknowledged"; None for a verb nested in the content ("said Y warned")."""
        doc = verb.doc
        if verb.tag_ == "VBG" and not _subjects(verb):
            before = doc[verb.i - 1] if verb.i > 0 else None
            return before if before is not None and before.text == "," else None
        if not _subjects(verb):
            return None
        left = verb.left_edge
        if left.lower_ not in self.clause_joiners or left.dep_ not in ("mark", "cc"):
            return None
        before = doc[left.i - 1] if left.i > 0 else None
        return before if before is not None and before.text == "," else left

    def _content_before(
        self, ctx: ArticleContext, cue: Token, source: Source, unit: Unit
    ) -> int | None:
        """End of the clause before ", X said" / "“A,” said X", or None when there is none."""
        doc, text = ctx.doc, ctx.text
        first = min(source.start, cue.idx)
        head = doc.char_span(unit.start, first, alignment_mode="expand")
        if head is None or len(head) < 3:
            return None
        last = head[-1]
        if (
            last.text not in {",", "—"}
            and last.text not in self.marks.closing | self.marks.straight
        ):
            return None
        quoted = self._opens_quote(text, unit.start)
        if not quoted and not any(t.pos_ in ("VERB", "AUX") for t in head):
            return None
        if any(
            c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > cue.i
            for c in cue.children
            if cue.lemma_ != "tell"
        ):
            return None
        if last.text in {",", "—"} and self._parenthetical(ctx, cue, source, unit):
            return unit.end  # "A, he warned, B.": the content runs over the aside
        return last.idx if last.text in {",", "—"} else last.idx + len(last.text)

    def _parenthetical(self, ctx: ArticleContext, cue: Token, source: Source, unit: Unit) -> bool:
        """Whether source and cue stand between commas with a clause after them."""
        after = ctx.doc.char_span(
            max(source.end, cue.idx + len(cue)), unit.end, alignment_mode="expand"
        )
        if after is None or len(after) < 3 or after[0].text != ",":
            return False
        return any(t.pos_ in ("VERB", "AUX") for t in after[1:]) and not self._opens_quote(
            ctx.text, after[1].idx
        )

    def _quote_after(
        self, ctx: ArticleContext, cue: Token, source: Source, unit: Unit
    ) -> Quote | None:
        after = max(source.end, cue.idx + len(cue))
        for quote in ctx.quotes:
            if after <= quote.start < unit.end and not ctx.text[after : quote.start].strip(" ,:"):
                return quote
        return None

    def _continue_quotation(
        self, ctx: ArticleContext, index: int, end: int, claim_end: int
    ) -> tuple[int, int, list[int]]:
        """Extend a direct quotation over the following quotation units that have no cue."""
        used: list[int] = []
        unit = ctx.units[index]
        last_quote = next(
            (q for q in reversed(ctx.quotes) if unit.start <= q.start < unit.end), None
        )
        open_paragraph = last_quote is not None and not last_quote.closed
        for next_index in range(index + 1, len(ctx.units)):
            nxt = ctx.units[next_index]
            same_paragraph = nxt.paragraph == ctx.units[next_index - 1].paragraph
            if not self._opens_quote(ctx.text, nxt.start):
                break
            if not same_paragraph and not open_paragraph:
                break
            if self._has_cue_outside_quotes(ctx, nxt):
                break
            quote = inside(nxt.start + 1, ctx.quotes)
            end = quote.end if quote is not None else nxt.end
            claim_end = nxt.end
            used.append(next_index)
            open_paragraph = quote is not None and not quote.closed
        return end, claim_end, used

    def _has_cue_outside_quotes(self, ctx: ArticleContext, unit: Unit) -> bool:
        return any(
            not inside(t.idx, ctx.quotes)
            and (t.lemma_.lower() in self.verbs or self._prepositional_cue(t))
            for t in unit.span
        )

    def _opens_quote(self, text: str, position: int) -> bool:
        return position < len(text) and text[position] in self.marks.opening | self.marks.straight

    def _trim(
        self, ctx: ArticleContext, start: int, end: int, *, direct: bool
    ) -> tuple[int, int] | None:
        """Content without leading "that", enclosing quotation marks or final punctuation."""
        text = ctx.text
        closing = self.marks.closing | self.marks.straight
        while start < end and (
            text[start] in " \t\r\n\xa0"
            or (direct and text[start] in self.marks.opening | self.marks.straight)
        ):
            start += 1
        first = ctx.doc.char_span(start, start + 4)
        if text[start:end].startswith("that ") and (first is None or first[0].dep_ != "nsubj"):
            start += 5
        while end > start and (text[end - 1] in _TRIM_END or text[end - 1] in closing):
            end -= 1
        if len(text[start:end].split()) < 2:
            return None
        return start, end

    # -- the mention -------------------------------------------------------------

    def _mention(
        self,
        ctx: ArticleContext,
        start: int,
        end: int,
        kind: str,
        source: Source,
        cue_start: int,
        cue_end: int,
        lemma: str,
        content: tuple[int, int],
        pattern: str,
    ) -> ClaimMention:
        canonical, source_type, entity, resolved = self._describe_source(ctx, source)
        confidence = self.confidence.get(pattern, 0.5)
        if source.from_position:
            confidence += self.confidence.get("source_from_position", 0.0)
        if source.head.pos_ == "PRON":
            confidence += self.confidence.get(
                "pronoun_source" if resolved else "unresolved_pronoun", 0.0
            )
        return ClaimMention(
            start=start,
            end=end,
            kind=kind,
            source_start=source.start,
            source_end=source.end,
            source_canonical=canonical,
            source_type=source_type,
            cue_start=cue_start,
            cue_end=cue_end,
            cue_lemma=lemma,
            content_start=content[0],
            content_end=content[1],
            source_entity=entity,
            statement_date=self._statement_date(ctx, cue_start, source, content),
            confidence=min(1.0, max(0.0, confidence)),
        )

    def _describe_source(
        self, ctx: ArticleContext, source: Source
    ) -> tuple[str, str, tuple[int, int] | None, bool]:
        """(canonical, type, head entity offsets, resolved) for a source phrase."""
        doc = ctx.doc
        text = ctx.text[source.start : source.end]
        head = self._semantic_head(doc, source)
        word = head.lower_
        if head.pos_ == "PRON":
            if word in self.person_pronouns:
                gender = self.person_pronouns[word]
                person = self._antecedent(ctx, source.start, {"PERSON"}, {"person"}, gender)
                if person is not None:
                    ctx.genders.setdefault(person[0], gender)
                    return person[0], "person", person[1], True
                return text, "person", None, False
            if word in self.organization_pronouns | self.group_pronouns:
                kind = "organization" if word in self.organization_pronouns else "group"
                types = {"organization"} if kind == "organization" else {"organization", "group"}
                org = self._antecedent(ctx, source.start, {"ORG"}, types, None)
                if org is not None:
                    return org[0], kind, org[1], True
                return text, kind, None, False
        lemma = head.lemma_.lower()
        earlier = self._earlier_description(ctx, source, head)
        if earlier is not None:
            return earlier
        named_by_entity = head.pos_ == "PROPN" and head.ent_type_ == "ORG"  # "Geological Survey"
        if (lemma in self.document_nouns or word in self.document_nouns) and not named_by_entity:
            return text, "document", None, True
        name = _without_acronym(text)  # "the Safety Board (NSB)" is named "the Safety Board"
        named = self._appositive_name(ctx, head)
        if named is not None:
            kind = "person" if lemma in self.person_nouns else _TYPE_OF_LABEL[named.label_]
            return _canonical(named), kind, (named.start_char, named.end_char), True
        full_name = self._full_name(ctx, source, head)
        if full_name is not None:
            return full_name, "person", _entity_at(ctx.ents, full_name, source.start), True
        shortened = self._shortened_name(ctx, source)
        if shortened is not None:
            kind = "person" if shortened.label_ == "PERSON" else "organization"
            return _canonical(shortened), kind, (shortened.start_char, shortened.end_char), True
        entity = self._head_entity(ctx, source, head)
        if entity is not None:
            names = [
                e
                for e in ctx.ents
                if source.start <= e.start_char
                and e.end_char <= source.end
                and e.label_ == entity.label_
            ]
            canonical = (
                " and ".join(self._entity_name(ctx, e) for e in names)
                if len(names) > 1 and head.conjuncts
                else self._entity_name(ctx, entity)
            )
            return (
                canonical,
                _TYPE_OF_LABEL.get(entity.label_, "unknown"),
                (entity.start_char, entity.end_char),
                True,
            )
        surname = self._surname_of(ctx, source, head)
        if surname is not None:
            return _canonical(surname), "person", (surname.start_char, surname.end_char), True
        outlet = self._outlet_name(source, head)
        if outlet is not None:
            return outlet, "organization", None, True
        after_description = self._name_after_description(source, head)
        if after_description is not None:
            return after_description
        if lemma in self.organization_nouns or word in self.organization_nouns:
            described = self._described_organization(ctx, source, head, text)
            if described is not None:
                return described
            return self._without_article(name, head_noun=True), "organization", None, True
        if head.tag_ in ("NNS", "NNPS"):
            return name, "group", None, True
        if lemma in self.person_nouns:
            return name, "person", None, True
        return self._without_article(name, head_noun=False), "unknown", None, True

    def _earlier_description(
        self, ctx: ArticleContext, source: Source, head: Token
    ) -> tuple[str, str, tuple[int, int] | None, bool] | None:
        """ "the spokesperson" after "A Toyota spokesperson said": a bare definite description
        names the latest earlier source described by the same noun, and takes its canonical
        (the name for a named source, the text as written for an unnamed one)."""
        doc = ctx.doc
        span = doc.char_span(source.start, source.end, alignment_mode="expand")
        if span is None or len(span) != 2 or span[0].lower_ != "the" or head.pos_ != "NOUN":
            return None
        lemma = head.lemma_.lower()
        for claim in reversed(ctx.claims):
            if claim.source_end > source.start:
                continue
            said = doc.char_span(claim.source_start, claim.source_end, alignment_mode="expand")
            if said is None or not _described_by(said, lemma, head.tag_):
                continue
            if any(  # a same-named organisation mentioned since ("the Aviation Authority")
                e.label_ == "ORG" and claim.source_end <= e.start_char < source.start
                for e in ctx.ents
                if head.lower_ in e.text.lower()
            ):
                return None
            if claim.source_canonical.lower() == span.text.lower():
                return span.text, claim.source_type, claim.source_entity, True
            return claim.source_canonical, claim.source_type, claim.source_entity, True
        return None

    def _full_name(self, ctx: ArticleContext, source: Source, head: Token) -> str | None:
        """ "Roux" (or "Ms Roux") after "Jean-Baptiste Roux": the fuller name said earlier,
        found in the text itself, since the entity stage often misses or splits such names."""
        doc = ctx.doc
        span = doc.char_span(source.start, source.end, alignment_mode="expand")
        if span is None or head.pos_ != "PROPN" or span[-1].i != head.i:
            return None
        words = [t for t in span if not self._is_title(t)]
        if not words or len(words) > 3 or not all(self._in_name(t) for t in words):
            return None
        wanted = [t.lower_ for t in words]
        n = len(wanted)
        for j in range(span.start - n, -1, -1):
            if [t.lower_ for t in doc[j : j + n]] != wanted:
                continue
            first, last = j, j + n
            while first > 0 and not doc[first].is_sent_start and self._in_name(doc[first - 1]):
                first -= 1
            if first == j or not doc[first].is_title:
                continue
            while last < span.start and doc[last].is_title and doc[last].pos_ == "PROPN":
                last += 1
            person = [e for e in ctx.ents if e.start <= j < e.end and e.label_ == "PERSON"]
            if person and len(person[0]) > n:  # the entity stage leaves titles out
                return _canonical(person[0])
            if last - first <= 4:
                return doc[first:last].text
        return None

    def _without_article(self, text: str, *, head_noun: bool) -> str:
        """A name takes no leading article, as entities do: "The Florida Office of Insurance
        Regulation", and for an organisation noun after a name "The Israeli military" is
        "Israeli military"; a description ("the Hamas government in the territory", "the
        region's agency") stays as written."""
        first, _, rest = text.partition(" ")
        words = rest.split()
        if first.lower() != "the" or not rest[:1].isupper():
            return text
        if head_noun and len(words) > 1 and words[-1].islower():
            words = words[:-1]
        if all(w[0].isupper() or w in self.name_function_words for w in words) and not any(
            "'" in w or "’" in w for w in words
        ):
            return rest
        return text

    def _shortened_name(self, ctx: ArticleContext, source: Source) -> Span | None:
        """The person or organisation named in full earlier and now by part of the name:
        "Soon-Shiong" after "Patrick Soon-Shiong", "Hanseong" after "Hanseong Energy
        Solutions"; the entity stage often tags the short form with another label."""
        span = ctx.doc.char_span(source.start, source.end, alignment_mode="expand")
        if span is None:
            return None
        words = [t for t in span if t.lower_ != "the"]
        if not words or not all(t.text[:1].isupper() or self._in_name(t) for t in words):
            return None
        fuller = _fuller_organization(ctx.ents, [t.text for t in words], span)
        if fuller is not None or len([t for t in words if t.text != "-"]) > 2:
            return fuller
        surname = f" {span.text}"
        people = [
            e
            for e in ctx.ents
            if e.label_ == "PERSON" and e.end_char <= span.start_char and e.text.endswith(surname)
        ]
        return people[-1] if people else None

    def _in_name(self, token: Token) -> bool:
        """A word of a person's name: capitalised, a particle ("van", "von der") or a hyphen
        inside a double name ("Asante-Mensah")."""
        if token.text == "-":
            return not token.whitespace_ and token.i > 0 and not token.nbor(-1).whitespace_
        if token.lower_ in self.person_nouns | self.role_titles or self._is_title(token):
            return False
        return (token.is_title and token.pos_ == "PROPN") or token.text in self.name_particles

    def _is_title(self, token: Token) -> bool:
        lower = token.lower_
        return lower in self.titles or f"{lower}." in self.titles or token.text == "."

    def _semantic_head(self, doc: Doc, source: Source) -> Token:
        """The parse head, or the role noun that ends the phrase when the parse took a name
        inside it as head ("A Department of Health spokesperson")."""
        head = source.head
        span = doc.char_span(source.start, source.end, alignment_mode="expand")
        if span is None or head.pos_ != "PROPN":
            return head
        last = span[-1]
        known = self.person_nouns | self.document_nouns | self.organization_nouns
        if last.i > head.i and last.pos_ == "NOUN" and last.lemma_.lower() in known:
            return last
        return head

    def _appositive_name(self, ctx: ArticleContext, head: Token) -> Span | None:
        """The name set off after a role or description: "Its chief executive, Jane Roe, said"."""
        if head.pos_ == "PROPN" or head.ent_type_:
            return None
        for child in head.children:
            if child.dep_ != "appos" or child.i <= head.i:
                continue
            for ent in ctx.ents:
                if ent.start <= child.i < ent.end and ent.label_ in ("PERSON", "ORG"):
                    return ent
        return None

    def _entity_name(self, ctx: ArticleContext, ent: Span) -> str:
        """The entity's canonical name, without a possessive owner in front
        ("the European Union's Copernicus service" names the service), and with an
        acronym spelt out when the article gives the full name."""
        for token in ent[:-1]:
            if token.tag_ == "POS" or token.lower_ in ("'s", "’s", "'", "’"):
                owned = ctx.doc[token.i + 1 : ent.end]
                if len(owned) > 1 or owned[0].lower_.rstrip(".") not in self.name_suffixes:
                    return owned.text
                break  # "Gannon's Inc", "the Farmers' Union": the possessive is part of the name
        name = _canonical(ent)
        if ent.label_ == "ORG":
            fuller = _fuller_organization(ctx.ents, [t.text for t in ent if t.lower_ != "the"], ent)
            if fuller is not None:
                return _canonical(fuller)
        if ent.label_ == "ORG" and name.isupper() and 2 <= len(name) <= 6 and name.isalpha():
            for other in ctx.ents:
                if (
                    other.label_ == "ORG"
                    and other.text != name
                    and name in (_initials(other), _initials(other, all_words=True))
                ):
                    return other.text
        return name

    def _surname_of(self, ctx: ArticleContext, source: Source, head: Token) -> Span | None:
        """A bare capitalised word naming someone met in full earlier ("Carver" after
        "Helen Carver"), when the entity stage left it untagged."""
        span = head.doc.char_span(source.start, source.end, alignment_mode="expand")
        if span is None or any(t.ent_type_ for t in span):
            return None
        words = [t for t in span if t.lower_ != "the"]
        if words and all(t.is_title and t.pos_ == "PROPN" for t in words):
            fuller = _fuller_organization(ctx.ents, [t.text for t in words], span)
            if fuller is not None:  # "Mistral" after "Mistral AI"
                return fuller
        if source.end - source.start != len(head) or not head.is_title:
            return None
        for ent in ctx.ents:
            if (
                ent.end_char <= source.start
                and ent.label_ in ("PERSON", "ORG")
                and len(ent) > 1
                and ent[-1].text == head.text
                and all(t.is_title for t in ent)
            ):
                return ent
        return None

    def _name_after_description(
        self, source: Source, head: Token
    ) -> tuple[str, str, tuple[int, int] | None, bool] | None:
        """ "the monitoring group OVD-Info": a name the entity stage missed, ending the source
        after a description noun; the name is the canonical and the noun gives the type."""
        doc = head.doc
        if head.pos_ != "PROPN" or head.idx + len(head) != source.end:
            return None
        first = head.i
        while first > 0 and (
            doc[first - 1].pos_ == "PROPN"
            or (doc[first - 1].text == "-" and not doc[first - 1].whitespace_)
        ):
            first -= 1
        before = doc[first - 1] if first > 0 else None
        if before is None or before.idx < source.start or before.pos_ != "NOUN":
            return None
        noun = before.lemma_.lower()
        if noun in self.organization_nouns:
            kind = "organization"
        elif noun in self.person_nouns:
            kind = "person"
        else:
            return None
        return doc[first : head.i + 1].text, kind, None, True

    def _outlet_name(self, source: Source, head: Token) -> str | None:
        """ "the Nikkei business daily": the proper name in front of an outlet noun."""
        if head.pos_ != "NOUN" or head.lemma_.lower() not in self.outlet_nouns:
            return None
        doc = head.doc
        after = doc[head.i + 1] if head.i + 1 < len(doc) else None
        if (
            after is not None
            and after.dep_ == "appos"
            and after.is_title
            and after.idx < source.end
        ):
            return doc[after.i : after.right_edge.i + 1].text  # "the news site Daybreak24"
        names = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        if not names or any(t.lower_ in ("a", "an") for t in head.lefts):
            return None
        first = names[0].left_edge if names[0].left_edge.pos_ == "PROPN" else names[0]
        return doc[first.i : names[-1].i + 1].text

    def _described_organization(
        self, ctx: ArticleContext, source: Source, head: Token, text: str
    ) -> tuple[str, str, tuple[int, int] | None, bool] | None:
        """ "the institute" -> the institute named earlier; "the carmaker" -> the company."""
        if not text.lower().startswith("the "):
            return None
        word, lemma = head.lower_, head.lemma_.lower()
        org = next(
            (
                e
                for e in reversed(ctx.ents)
                if e.end_char <= source.start
                and (
                    (e.label_ == "ORG" and word in e.text.lower())
                    or (e.label_ in ("ORG", "FAC") and _described_as(e, lemma))
                )
            ),
            None,
        )
        if org is not None:
            return self._entity_name(ctx, org), "organization", (org.start_char, org.end_char), True
        if lemma not in self.anaphoric_org_nouns:
            return None
        # The same description keeps naming the same organisation ("the company" ... "the company").
        for claim in reversed(ctx.claims):
            said = ctx.text[claim.source_start : claim.source_end].lower()
            if claim.source_entity is not None and said.startswith("the ") and said.endswith(word):
                return claim.source_canonical, "organization", claim.source_entity, True
        found = self._antecedent(ctx, source.start, {"ORG"}, {"organization"}, None)
        if found is None:
            return None
        return found[0], "organization", found[1], True

    def _head_entity(self, ctx: ArticleContext, source: Source, head: Token) -> Span | None:
        """The entity the source names: the one holding its head, or a name right after a
        role noun ("spokesman Matthew Miller"); not one in a phrase after it
        ("an official at the WHO" is not the WHO)."""
        for ent in ctx.ents:
            if ent.start <= head.i < ent.end and ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
                return ent
        if head.tag_ in ("NNS", "NNPS") or head.lemma_.lower() in self.document_nouns:
            return None
        for ent in ctx.ents:
            if (
                ent.end_char == source.end
                and ent.start == head.i + 1
                and ent.label_ in ("PERSON", "ORG")
            ):
                return ent
        return None

    def _antecedent(
        self,
        ctx: ArticleContext,
        before: int,
        labels: set[str],
        types: set[str],
        gender: str | None,
    ) -> tuple[str, tuple[int, int] | None] | None:
        """(canonical, entity offsets) of the nearest earlier entity with one of ``labels`` or
        named claim source of one of ``types``, preferring subjects and sources over other
        mentions."""
        sources = {c.source_entity for c in ctx.claims if c.source_entity}
        # (position, salient, canonical, entity offsets)
        candidates: list[tuple[int, bool, str, tuple[int, int] | None]] = []
        for e in ctx.ents:
            if e.end_char <= before and e.label_ in labels:
                salient = (
                    e.root.dep_ in ("nsubj", "nsubjpass") or (e.start_char, e.end_char) in sources
                )
                candidates.append(
                    (
                        e.start_char,
                        salient,
                        self._entity_name(ctx, e),
                        (e.start_char, e.end_char),
                    )
                )
        for c in ctx.claims:
            named = c.source_entity is not None or c.source_type == "group"
            if c.source_end <= before and c.source_type in types and named:
                candidates.append((c.source_start, True, c.source_canonical, c.source_entity))
        if gender is not None:
            candidates = [c for c in candidates if ctx.genders.get(c[2], gender) == gender]
        preferred = [c for c in candidates if c[1]]
        pool = sorted(preferred or candidates, key=lambda c: c[0])
        return (pool[-1][2], pool[-1][3]) if pool else None

    def _statement_date(
        self, ctx: ArticleContext, cue_start: int, source: Source, content: tuple[int, int]
    ) -> str | None:
        """The date the text attaches to the cue ("said on Nov. 4", "told reporters Tuesday",
        "said in a statement on Saturday", "during a hearing in January, X insisted"), or to
        the verb that dates a document source ("figures published in February")."""
        doc = ctx.doc
        cue = doc.char_span(cue_start, cue_start + 1, alignment_mode="expand")
        if cue is None:
            return None
        cue_token = cue[0]
        split_quote = content[0] <= cue_start < content[1]  # “A,” she told reporters, “B.”
        for date in ctx.dates:
            if inside(date.start, ctx.quotes) or (
                not split_quote and in_ranges(date.start, date.end, [content])
            ):
                continue
            span = doc.char_span(date.start, date.end, alignment_mode="expand")
            if span is None:
                continue
            in_source = in_ranges(date.start, date.end, [(source.start, source.end)])
            if self._dates_cue(span.root, cue_token, source.head, in_source):
                return date.value
        return None

    def _dates_cue(self, node: Token, cue: Token, source_head: Token, in_source: bool) -> bool:
        """Whether the parse path from a date up to the cue runs only through prepositions,
        their objects and adverbials; a date that modifies a noun ("its 2023 review") or sits
        in another clause does not date the statement."""
        if node.dep_ not in self.date_path_deps:
            return False
        for _ in range(6):
            head = node.head
            if head.i == node.i:
                return False
            if head.i == cue.i and not in_source:
                return True
            if node.dep_ == "acl" and head.i == source_head.i:
                return True  # "figures published in February"
            if node.dep_ not in self.date_path_deps and node.dep_ != "acl":
                return False
            node = head
        return False


_TYPE_OF_LABEL = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group"}


def _share_statement_date(
    found: list[tuple[ClaimMention, list[int]]],
) -> list[tuple[ClaimMention, list[int]]]:
    """Two cues of one sentence by the same source ("warned on Monday that A, adding that B")
    share the statement date said once."""
    dated = {c.source_canonical: c.statement_date for c, _ in found if c.statement_date}
    return [
        (replace(c, statement_date=c.statement_date or dated.get(c.source_canonical)), used)
        if c.cue_lemma != "cite"
        else (c, used)
        for c, used in found
    ]


def _verb_tagged_as_noun(token: Token, verbs: set[str]) -> bool:
    """ "Toyota Motor forecast on Thursday that ...": a cue that is also a noun, tagged as the
    sentence's root noun with only a proper name before it and a clause after it."""
    lefts = list(token.lefts)
    return (
        token.pos_ == "NOUN"
        and token.dep_ == "ROOT"
        and token.lemma_.lower() in verbs
        and bool(lefts)
        and all(t.dep_ == "compound" and t.pos_ == "PROPN" for t in lefts)
        and any(c.dep_ == "ccomp" for c in token.rights)
    )


def _described_by(phrase: Span, lemma: str, tag: str) -> bool:
    """Whether the phrase's head noun, or a role noun before its head name, is ``lemma`` in
    the same number ("A Toyota spokesperson", "Agriculture Minister Ana Ruiz"); nouns in a
    phrase hanging off the head ("a person familiar with the company") do not count."""
    root = phrase.root
    roles = [t for t in root.lefts if t.dep_ == "compound"] if root.pos_ == "PROPN" else []
    nouns = [root, *roles]
    return any(t.lemma_.lower() == lemma and (t.tag_ == tag or t.pos_ == "PROPN") for t in nouns)


def _entity_at(ents: Sequence[Span], name: str, before: int) -> tuple[int, int] | None:
    """Offsets of the latest entity before ``before`` written ``name``, if the entity stage
    tagged one."""
    found = [e for e in ents if e.text == name and e.end_char <= before]
    return (found[-1].start_char, found[-1].end_char) if found else None


def _without_acronym(text: str) -> str:
    head, bracket, rest = text.rpartition(" (")
    acronym = rest[:-1]
    if bracket and rest.endswith(")") and acronym.isupper() and acronym.isalpha():
        return head
    return text


def _fuller_organization(ents: Sequence[Span], words: list[str], mention: Span) -> Span | None:
    """The organisation first named in full and later by its first words: "Hanseong" after
    "Hanseong Energy Solutions", "Harlan Ridge" after "Harlan Ridge Farms" (the shortest
    such name said before the mention)."""
    found = []
    for ent in ents:
        names = [t for t in ent if t.lower_ != "the"]
        rest = names[len(words) :]
        if (
            ent.label_ == "ORG"
            and ent.end_char <= mention.start_char
            and rest
            and [t.text for t in names[: len(words)]] == words
            and all(t.is_title or t.is_upper for t in rest)
        ):
            found.append(ent)
    return min(found, key=len, default=None)


def _acronym_in_brackets(doc: Doc, i: int) -> bool:
    """ "(NSIA)" at token ``i``: an acronym given right after a name."""
    return (
        i + 2 < len(doc)
        and doc[i].text == "("
        and doc[i + 2].text == ")"
        and doc[i + 1].text.isupper()
        and doc[i + 1].is_alpha
        and 2 <= len(doc[i + 1]) <= 8
    )


def _subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def _initials(ent: Span, *, all_words: bool = False) -> str:
    """ "World Health Organization" -> "WHO"; with ``all_words`` "Bank of England" -> "BoE"."""
    words = [t.text for t in ent if t.is_alpha and (all_words or not t.is_lower)]
    return "".join(w[0] for w in words).upper()


def _described_as(ent: Span, lemma: str) -> bool:
    """Whether the text calls ``ent`` a ``lemma`` in apposition ("PRT, the county's agency")."""
    root = ent.root
    if root.dep_ == "appos" and root.head.lemma_.lower() == lemma:
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() == lemma for c in root.children)


def _canonical(ent: Span) -> str:
    """The entity's canonical name; names carry no leading article ("the US Geological
    Survey" names "US Geological Survey"), even where the entity span kept one."""
    value = str(ent._.canonical or ent.text)
    first, _, rest = value.partition(" ")
    return rest if first.lower() == "the" and rest[:1].isupper() else value


def _without_nested(claims: list[ClaimMention]) -> list[ClaimMention]:
    """Drop a claim whose cue sits inside another claim's content ("X said Y had warned ...")."""
    kept = []
    for claim in claims:
        nested = any(
            other is not claim
            and other.content_start <= claim.cue_start < other.content_end
            and claim.cue_lemma != "cite"
            for other in claims
        )
        if not nested:
            kept.append(replace(claim))
    return kept


@Language.factory("claims_attribution")
def make_attribution(nlp: Language, name: str) -> AttributionStage:
    register_extensions()
    return AttributionStage(nlp, name)
