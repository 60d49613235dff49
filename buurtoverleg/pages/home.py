"""The organiser's home page: the meetings, and a form to create one from a template."""

from __future__ import annotations

from datetime import date

from nicegui import ui

from ..sessie.toestand import MEETING_STATUS
from .gedeeld import Mislukt, doe


def registreer(ctx) -> None:  # type: ignore[no-untyped-def]
    dienst = ctx.dienst

    @ui.page("/")
    async def home() -> None:
        ui.page_title("Buurtoverleg")
        with ui.column().classes("w-full max-w-4xl mx-auto p-4 gap-6"):
            ui.label("Buurtoverleg").classes("text-3xl font-bold")
            ui.label(
                "Signaleer, duid en pak spanningen in de buurt samen aan: de gespreksleider projecteert, "
                "deelnemers doen mee met hun telefoon, de notulist downloadt de besluiten- en actielijst."
            ).classes("text-gray-700")

            with ui.card().classes("w-full"):
                ui.label("Nieuw overleg").classes("text-xl font-semibold")
                buurt = ui.input("Buurt of wijk").props("outlined").classes("w-full")
                datum = ui.input("Datum", value=date.today().isoformat()).props("outlined type=date")
                templates = {t.id: t.titel for t in ctx.catalogus.templates()}
                template = ui.select(templates, label="Sjabloon", value=next(iter(templates), None)).props(
                    "outlined"
                ).classes("w-full")

                async def maak() -> None:
                    try:
                        dag = date.fromisoformat(datum.value)
                    except (TypeError, ValueError):
                        ui.notify("Vul een geldige datum in.", type="warning")
                        return
                    if not template.value:
                        ui.notify("Kies een sjabloon.", type="warning")
                        return
                    try:
                        links = await doe(dienst.maak, buurt.value or "", dag, template.value)
                    except Mislukt:
                        return
                    ui.navigate.to(f"/leiding/{links.facilitator_token}")

                ui.button("Overleg aanmaken", on_click=maak).props("color=primary")

            ui.label("Overleggen").classes("text-xl font-semibold")
            rijen = await doe(dienst.overzicht)
            if not rijen:
                ui.label("Nog geen overleggen.").classes("text-gray-600")
            for meeting_id, buurt_naam, dag, titel, status in rijen:
                links = await doe(dienst.links, meeting_id)
                with ui.card().classes("w-full"):
                    with ui.row().classes("items-center gap-4 w-full"):
                        ui.label(f"{buurt_naam} · {dag:%d-%m-%Y}").classes("text-lg font-semibold")
                        ui.label(titel).classes("text-gray-700")
                        ui.badge(MEETING_STATUS.get(status, status))
                    with ui.row().classes("gap-4"):
                        ui.link("Gespreksleider", f"/leiding/{links.facilitator_token}")
                        ui.link("Beamer", f"/scherm/{links.projector_token}")
                        ui.link("Notulist", f"/notulen/{links.secretary_token}")
                        ui.label(f"Code voor deelnemers: {links.join_code}").classes("font-mono")
