"""地域の現状と資源 for scripts/screenshots.py: the four tabs and their dialogs over the sample town,
with two 年度 of figures, a few resources and つなぎ先 made here when the sample has none yet."""

from __future__ import annotations

import datetime as dt


def _sample_region(session) -> None:
    from kyojushien_desktop.domain.region import Fact, Referral, Resource, ResourceLink
    from kyojushien_desktop.services.members import organizations
    from kyojushien_desktop.services.region import facts, referrals, resources

    if facts.load_facts(session).years:
        return
    orgs = {o.name: o.id for o in organizations.list_organizations(session)}

    def org(part: str) -> int | None:
        return next((i for name, i in orgs.items() if part in name), None)

    for year, grow in ((2023, 0), (2024, 1)):
        census = "令和2年国勢調査" if not grow else "住民基本台帳（令和7年3月末）"
        cells = [
            Fact("population", "population", "value", year, 15200 - 120 * grow, source=census),
            Fact("population", "elderly", "value", year, 5100 + 60 * grow, source=census),
            Fact("population", "elderly_single", "value", year, 980 + 35 * grow, source=census),
            Fact("population", "welfare_households", "value", year, 130 - 3 * grow, source="福祉課 保護係"),
            Fact("population", "foreign", "value", year, 210 + 25 * grow, source="住民課"),
            Fact("public_housing", "municipal", "total_units", year, 240, source="建設課"),
            Fact("public_housing", "municipal", "vacant_units", year, 18 - 4 * grow, source="建設課"),
            Fact("public_housing", "municipal", "applications", year, 32 + 5 * grow, source="建設課"),
            Fact("resources", "support_corporations_pref", "value", year, 41 + 3 * grow, source="〇〇県ホームページ"),
            Fact("resources", "support_corporations_local", "value", year, 1 + grow, source="〇〇県ホームページ"),
            Fact(
                "resources",
                "sn_registered",
                "value",
                year,
                12 + 6 * grow,
                source="セーフティネット住宅情報提供システム",
            ),
            Fact("programmes", "self_reliance", "form", year, text="委託"),
            Fact("programmes", "self_reliance", "contractor", year, organization_id=org("社会福祉協議会")),
            Fact("programmes", "self_reliance", "consultations", year, 46 + 9 * grow, source="福祉課"),
            Fact("programmes", "housing_entry", "form", year, text="実施していない"),
        ]
        facts.save_year(session, year, cells)
    links = tuple(ResourceLink(i, "援助実施者") for i in [org("みどり住まいネット")] if i)
    resources.save_resource(
        session,
        Resource(
            "support_housing",
            "コーポ小松 102号室",
            "みどり町本町2-3",
            1,
            ("高齢者", "障害者"),
            dt.date(2025, 10, 1),
            links=links,
        ),
    )
    resources.save_resource(
        session,
        Resource(
            "sn_registered",
            "あけぼの荘",
            "みどり町東1-8",
            6,
            ("低額所得者", "高齢者", "子ども（高校生相当まで）を養育している者"),
        ),
    )
    agent = org("ひかり商事")
    resources.save_resource(
        session,
        Resource(
            "partner_agent",
            "有限会社ひかり商事",
            "みどり町駅前1-1",
            links=(ResourceLink(agent, "協力不動産店"),) if agent else (),
        ),
    )
    for issue, part, desk, phone in (
        ("poverty", "社会福祉係", "生活困窮者自立相談窓口", "0123-45-1101"),
        ("poverty", "保護係", "生活保護の相談", "0123-45-1102"),
        ("elderly", "地域包括支援センター", "総合相談", "0123-45-2200"),
        ("disability", "障害福祉係", "障害福祉の相談", "0123-45-1103"),
        ("single_parent", "子育て支援課", "ひとり親家庭の相談", "0123-45-1104"),
    ):
        referrals.save_referral(session, Referral(issue, org(part), desk, phone))


def shoot_region(window, shoot, dialog) -> None:
    """Each tab (the figures at the top and scrolled), the 年度 form, the resource dialog with a
    link, a つなぎ先, the check for a dwelling and a share house, the visit picker, and a visit's
    screen with the check kept on it."""
    from kyojushien_desktop.services.common.changes import Changes, Topic
    from kyojushien_desktop.services.hearing import visits
    from kyojushien_desktop.services.region import checks

    session = window.session
    _sample_region(session)
    window.ops.publish(Changes.of(Topic.REGION))
    page = window.show_page("region")
    page.tabs.setCurrentWidget(page.facts)
    shoot("60_region_facts_top")
    bar = page.facts.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    shoot("60_region_facts_bottom")
    year = page.facts.year_dialog(page.facts.year_combo.currentData())
    dialog("61_dialog_year_edit", year)
    year_bottom = page.facts.year_dialog(page.facts.year_combo.currentData())
    year_bottom.show()
    year_bottom.scroll.verticalScrollBar().setValue(year_bottom.scroll.verticalScrollBar().maximum())
    dialog("61_dialog_year_bottom", year_bottom)

    page.tabs.setCurrentWidget(page.resources)
    shoot("62_region_resources")
    tab = page.resources
    tab.table.selectRow(0)
    support = next((r for r in tab.shown() if r.kind == "support_housing"), None)
    dialog("63_dialog_resource", tab.resource_dialog(support))
    dialog("63_dialog_resource_new", tab.resource_dialog())
    dialog("63_dialog_resources_deleted", tab.deleted_dialog())

    page.tabs.setCurrentWidget(page.referrals)
    shoot("64_region_referrals")
    page.referrals.table.selectRow(0)
    line = page.referrals.selected()
    if line is not None and line.desk is not None:
        dialog("65_dialog_referral", page.referrals.referral_dialog(line.desk))
    from kyojushien_desktop.domain.region import OWN_ISSUE, Referral

    dialog("65_dialog_referral_own", page.referrals.referral_dialog(Referral(OWN_ISSUE), own=True))

    check = page.check
    page.tabs.setCurrentWidget(check)
    check.area.setText("24.9")
    check.shared_facilities.setCurrentIndex(check.shared_facilities.findText("はい"))
    shoot("66_region_check_dwelling")
    check.share_button.click()
    check.residents.setValue(6)
    check.room_area.setText("8.9")
    check.total_area.setText("100")
    shoot("66_region_check_share_house")
    dialog("67_dialog_check_visit", check.visit_dialog())
    facts = check.facts()
    check.clear_form()  # shot: leaving the file later would ask about the typed facts

    found = visits.list_visits(session)
    if found:
        checks.save_check(session, facts, visit_id=found[0].id, note="大家さんからの相談")
        hearing = window.show_page("hearing")
        hearing.open_visit(found[0].id)
        scroll = hearing.entry.scroll.verticalScrollBar()
        scroll.setValue(scroll.maximum())
        shoot("68_hearing_visit_with_check")
        hearing.show_list(ask=False)
