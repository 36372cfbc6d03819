"""The pipeline: named, registered components checked when the pipeline is built."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hadath.errors import RegistryError
from hadath.pipeline import DEFAULT_COMPONENTS, Pipeline, code_text
from hadath.registry import component, get_component, registered_names
from hadath.text.doc import Doc


def test_pipeline_registry_knows_the_defaults() -> None:
    assert set(DEFAULT_COMPONENTS) <= set(registered_names())
    assert get_component("hadath.tokens.v1").requires == ("sentences",)


def test_pipeline_unknown_name_lists_valid_ones() -> None:
    with pytest.raises(RegistryError, match=r"unknown component 'nope'; registered: .*"
                                            r"hadath\.sentences\.v1"):
        Pipeline.from_names(["nope"])


def test_pipeline_checks_requirements_when_built() -> None:
    with pytest.raises(RegistryError, match=r"hadath\.tokens\.v1 requires sentences"):
        Pipeline.from_names(["hadath.tokens.v1", "hadath.sentences.v1"])


def test_pipeline_rejects_component_returning_non_doc() -> None:
    @component("test.broken.v1", requires=("text",))
    def make_broken():
        return lambda doc: {"text": doc.text}

    pipeline = Pipeline.from_names(["test.broken.v1"])
    with pytest.raises(RegistryError, match="returned dict, not Doc"):
        pipeline(Doc(text="نص"))


def test_pipeline_code_text_fills_doc_and_meta() -> None:
    doc = code_text("اتفقت روسيا والجزائر على آلية للتشاور. وقال الوزير إن الحل سياسي.",
                    published="2024-03-06", id="t1")
    assert doc.id == "t1" and doc.published == "2024-03-06"
    assert len(doc.sentences) == 2 and doc.tokens
    assert doc.meta["pipeline"] == list(DEFAULT_COMPONENTS)
    doc.check_offsets()


def test_pipeline_meta_names_the_recogniser_model_file() -> None:
    import hashlib
    from importlib.resources import files

    digest = hashlib.sha256((files("hadath") / "models" / "ner.model").read_bytes()).hexdigest()
    doc = code_text("وقال الرئيس الجزائري عبد المجيد تبون إن الحل سياسي.")
    learner, _, file_hash = doc.meta["models"]["ner"].partition(" sha256:")
    assert learner and digest.startswith(file_hash) and len(file_hash) == 16
    assert doc.to_dict()["hadath"]["models"] == doc.meta["models"]


def test_doc_check_offsets_catches_a_shifted_span() -> None:
    doc = code_text("اتفقت روسيا والجزائر.")
    shifted = replace(doc.sentences[0], start=1)
    with pytest.raises(Exception, match="reads"):
        replace(doc, sentences=(shifted,)).check_offsets()


def test_doc_check_offsets_without_tokens_still_checks_what_is_written() -> None:
    doc = code_text("اتفقت روسيا والجزائر على آلية للتشاور.")
    token = doc.tokens[1]
    broken_token = replace(token, start=token.start + 1)
    replace(doc, tokens=(broken_token, *doc.tokens[2:])).check_offsets(tokens=False)
    with pytest.raises(Exception, match="reads"):
        replace(doc, tokens=(broken_token,)).check_offsets()
    entity = doc.entities[0]
    with pytest.raises(Exception, match="reads"):
        replace(doc, entities=(replace(entity, start=entity.start + 1),)).check_offsets(
            tokens=False)
