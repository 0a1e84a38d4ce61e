import kommunsk


def test_explain_by_term_form_and_typo() -> None:
    for query in ("visitation", "Visitationen", "visiteret", "visitaton"):
        result = kommunsk.explain(query)
        assert result.found and result.concept is not None and result.concept.id == "visitation", (
            query
        )


def test_explain_business_word_gives_the_municipal_concept() -> None:
    result = kommunsk.explain("stakeholders")
    assert result.found and result.concept is not None and result.concept.id == "interessent"


def test_explain_with_municipality_gives_local_variant() -> None:
    result = kommunsk.explain("ældreforvaltning", municipality="Odense")
    assert [v.term for v in result.local] == ["Ældre- og Handicapforvaltningen"]


def test_explain_not_found_gives_close_matches() -> None:
    result = kommunsk.explain("stakeholdermanagment")
    assert not result.found and "stakeholder" in result.did_you_mean
    data = result.to_dict()
    assert data == {
        "query": "stakeholdermanagment",
        "found": False,
        "did_you_mean": list(result.did_you_mean),
    }


def test_explain_retired_concept_names_its_replacement() -> None:
    from datetime import date

    result = kommunsk.explain("integrationsprogram", as_of=date(2024, 1, 1))
    assert (
        result.replaced_by is not None
        and result.replaced_by.id == "selvforsoergelses-og-hjemrejseprogram"
    )
