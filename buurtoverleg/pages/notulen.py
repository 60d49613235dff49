"""The secretary's page. For now: the meeting and its links; the minutes come in a later step."""

from __future__ import annotations

from nicegui import ui

from .gedeeld import Mislukt, doe, weigerpagina


def registreer(ctx) -> None:  # type: ignore[no-untyped-def]
    dienst = ctx.dienst

    @ui.page("/notulen/{token}")
    async def notulen(token: str) -> None:
        ui.page_title("Notulen · Buurtoverleg")
        try:
            meeting_id = await doe(dienst.via_token, "notulist", token)
        except Mislukt as fout:
            weigerpagina(str(fout))
            return
        v = await doe(dienst.vergadering, meeting_id)
        with ui.column().classes("w-full max-w-4xl mx-auto p-4 gap-3"):
            ui.label(f"Notulen · {v.buurt} · {v.datum:%d-%m-%Y}").classes("text-2xl font-bold")
            ui.label(v.template_titel)
            ui.label(f"{len(v.deelnemers)} aanwezigen").classes("text-gray-700")
