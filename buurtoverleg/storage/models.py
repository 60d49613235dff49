"""The stored meeting. Pages never see these objects: the domain turns them into plain data.

One current answer per participant per prompt per round is a database constraint, so
a repeated tap on a phone can only ever update, never duplicate.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint, false, func, text, true
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def nu() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Meeting(Base):
    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    buurt: Mapped[str] = mapped_column(String(120))
    datum: Mapped[date]
    template_id: Mapped[str] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(String(20), default="lobby")
    join_code: Mapped[str] = mapped_column(String(12), unique=True)
    facilitator_token: Mapped[str] = mapped_column(String(64), unique=True)
    projector_token: Mapped[str] = mapped_column(String(64), unique=True)
    secretary_token: Mapped[str] = mapped_column(String(64), unique=True)
    facilitator_pin_hash: Mapped[str | None] = mapped_column(String(200), default=None)
    secretary_pin_hash: Mapped[str | None] = mapped_column(String(200), default=None)
    """Optional PINs on the two links, as "salt:scrypt-hash" (toegang.versleutel); None: no PIN."""
    joining_open: Mapped[bool] = mapped_column(default=True)
    current_step: Mapped[int | None] = mapped_column(default=None)
    show_names: Mapped[bool] = mapped_column(default=False)
    moderate_signals: Mapped[bool] = mapped_column(default=False)
    auto_timer: Mapped[bool] = mapped_column(default=True)
    auto_reveal: Mapped[bool] = mapped_column(default=False)
    show_live_results: Mapped[bool] = mapped_column(default=False)
    vertrouwelijk: Mapped[bool] = mapped_column(default=True)
    beamer_recognition: Mapped[bool] = mapped_column(default=False, server_default=false())
    """The beamer shows which domains recognise which signals instead of the step."""
    minutes_names: Mapped[bool] = mapped_column(default=False, server_default=false())
    """Whether the minutes name people; by default they name organisations and domains only."""
    screen_blank: Mapped[bool] = mapped_column(default=False, server_default=false())
    """The facilitator put the beamer on black ("beamer op zwart"); the wall shows nothing."""
    screen_page: Mapped[int | None] = mapped_column(default=None)
    """The page of a long list the facilitator chose for the beamer; None: the pages turn by themselves."""
    thresholds: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    """Per-meeting overrides of the agreement thresholds (see sessie.overeenstemming.Drempels)."""
    max_participants: Mapped[int] = mapped_column(default=60, server_default="60")
    """How many participants may join; the facilitator can change it (sessie.aanmelding)."""
    result_on_phone: Mapped[bool] = mapped_column(default=True, server_default=true())
    """Whether a phone shows the verdict small after a reveal, in the beamer's words."""
    previous_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=nu)
    ended_at: Mapped[datetime | None] = mapped_column(default=None)
    started_at: Mapped[datetime | None] = mapped_column(default=None)
    """When the facilitator started the meeting (UTC), recorded once by the domain."""
    location: Mapped[str] = mapped_column(String(120), default="", server_default="")
    chair: Mapped[str] = mapped_column(String(120), default="", server_default="")
    minute_taker: Mapped[str] = mapped_column(String(120), default="", server_default="")
    absent: Mapped[str] = mapped_column(String(1000), default="", server_default="")
    """Plaats, voorzitter, notulist and afgemeld for the heading of the minutes (issue 19)."""
    begin_time: Mapped[time | None] = mapped_column(default=None)
    end_time: Mapped[time | None] = mapped_column(default=None)
    """The secretary's corrections of begin and end, in local time; None: the recorded moments."""
    version: Mapped[int] = mapped_column(default=0, server_default="0")
    """The sequence number of the meeting's last event (sessie.gebeurtenissen): raised in the
    transaction of every change pages must see, so a read knows which events it reflects."""

    participants: Mapped[list[Participant]] = relationship(back_populates="meeting", cascade="all, delete-orphan")
    steps: Mapped[list[StepState]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="StepState.position"
    )


class Participant(Base):
    __tablename__ = "participant"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    organisation: Mapped[str] = mapped_column(String(120), default="")
    domain: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(20), default="deelnemer")
    joined_at: Mapped[datetime] = mapped_column(default=nu)
    attendance: Mapped[str] = mapped_column(String(20), default="aanwezig", server_default="aanwezig")
    """'aanwezig', 'te-laat' or 'afgemeld' (absent with notice), as the secretary corrected it."""
    arrived: Mapped[time | None] = mapped_column(default=None)
    """Local clock time a late arrival came in, when known."""

    meeting: Mapped[Meeting] = relationship(back_populates="participants")


class StepState(Base):
    """A step of the meeting's agenda with its input state and a restart-proof timer.

    The timer is stored as time used before the current run plus when the current run
    started; the remaining time is derived, so a server restart changes nothing.
    """

    __tablename__ = "step_state"
    __table_args__ = (UniqueConstraint("meeting_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    step_id: Mapped[str] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(String(20), default="nog-niet")
    round: Mapped[int] = mapped_column(default=1)
    budget_seconds: Mapped[int]
    used_seconds: Mapped[float] = mapped_column(default=0.0)
    running_since: Mapped[datetime | None] = mapped_column(default=None)
    proposed: Mapped[dict[str, list[str]] | None] = mapped_column(JSON, default=None)
    """Prompt id -> the option ids the advice proposed when the step opened (`sessie.voorstellijst`)."""

    meeting: Mapped[Meeting] = relationship(back_populates="steps")


class Response(Base):
    __tablename__ = "response"
    __table_args__ = (
        UniqueConstraint("participant_id", "prompt_id", "round"),
        Index("ix_response_meeting_prompt", "meeting_id", "prompt_id", "round"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"))
    prompt_id: Mapped[str] = mapped_column(String(80))
    round: Mapped[int] = mapped_column(default=1)
    value: Mapped[Any] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=nu)
    updated_at: Mapped[datetime] = mapped_column(default=nu, onupdate=nu)


class Signal(Base):
    __tablename__ = "signal"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participant.id", ondelete="SET NULL"))
    prompt_id: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    hidden: Mapped[bool] = mapped_column(default=False)
    approved: Mapped[bool] = mapped_column(default=True)
    verified: Mapped[bool] = mapped_column(default=False)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("signal.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=nu)


class SignalUpvote(Base):
    """'Herken ik' or 'herken ik niet': one mark per participant per signal."""

    __tablename__ = "signal_upvote"
    __table_args__ = (UniqueConstraint("signal_id", "participant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    signal_id: Mapped[int] = mapped_column(ForeignKey("signal.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"))
    recognised: Mapped[bool] = mapped_column(default=True, server_default=true())
    """True: 'herken ik'; False: 'herken ik niet' (the room's shared picture of the signals)."""


class Decision(Base):
    """What the room settled on: an outcome of a prompt, a besluit, or a chosen/rejected proposal."""

    __tablename__ = "decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    prompt_id: Mapped[str | None] = mapped_column(String(80), default=None)
    content_ref: Mapped[str | None] = mapped_column(String(80), default=None)
    text: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    """Structured parts, e.g. the beleidsdiagnose answers per oplossingsrichting."""
    created_at: Mapped[datetime] = mapped_column(default=nu)


class Action(Base):
    """A SMART action (seed 003): wat, resultaat, wanneer, activiteit, doelgroep, wie, coordinatie, terugkoppeling."""

    __tablename__ = "action"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id", ondelete="SET NULL"))
    wat: Mapped[str] = mapped_column(Text)
    resultaat: Mapped[str] = mapped_column(Text, default="")
    wanneer: Mapped[date]
    activiteit: Mapped[str] = mapped_column(Text, default="")
    doelgroep: Mapped[str] = mapped_column(Text, default="")
    uitvoerder: Mapped[str] = mapped_column(String(200))
    coordinator: Mapped[str] = mapped_column(String(200), default="")
    terugkoppeling: Mapped[date | None] = mapped_column(default=None)
    status: Mapped[str] = mapped_column(String(20), default="open")
    review_note: Mapped[str] = mapped_column(Text, default="")
    reviewed_in_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"), default=None)
    """The follow-up meeting that looked back on this action (werkprotocol seed 003)."""
    created_at: Mapped[datetime] = mapped_column(default=nu)


class MinutesNote(Base):
    """The secretary's note on a step (by position), or the general summary (position NULL)."""

    __tablename__ = "minutes_note"
    __table_args__ = (UniqueConstraint("meeting_id", "position", name="uq_minutes_note_meeting_position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE", name="fk_minutes_note_meeting_id_meeting"), index=True
    )
    position: Mapped[int | None] = mapped_column(default=None)
    text: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))
    updated_at: Mapped[datetime] = mapped_column(default=nu, onupdate=nu, server_default=func.current_timestamp())


class MinutesVersion(Base):
    """A frozen, numbered version of the minutes ("definitief"); later edits make a new one."""

    __tablename__ = "minutes_version"
    __table_args__ = (UniqueConstraint("meeting_id", "number", name="uq_minutes_version_meeting_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE", name="fk_minutes_version_meeting_id_meeting"), index=True
    )
    number: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=nu, server_default=func.current_timestamp())
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    """The minutes model as `Notulen.to_dict()` at the moment it was made final."""


class Change(Base):
    """Who changed an action or a decision, and when: facilitator and secretary write the same
    lists, so the minutes' latest text comes with a trail. Holds no typed text, so deleting or
    anonymising a meeting has nothing to clear here (the rows go with the meeting)."""

    __tablename__ = "change"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE", name="fk_change_meeting_id_meeting"), index=True
    )
    subject: Mapped[str] = mapped_column(String(20))
    """'actie' or 'besluit'."""
    subject_id: Mapped[int]
    kind: Mapped[str] = mapped_column(String(20))
    """'toegevoegd', 'gewijzigd' or 'verwijderd'."""
    role: Mapped[str] = mapped_column(String(20))
    """'gespreksleider' or 'notulist': a role, never a person's name."""
    at: Mapped[datetime] = mapped_column(default=nu)


class PreRound(Base):
    """The round 'vooraf' of a meeting (issue 17): members answer on their own before it starts.

    Its submitted assessments are `Response` rows with round 0, so the meeting's verdicts and
    pictures draw them as one more round; drafts and the open BOB texts are `PreRoundAnswer`."""

    __tablename__ = "pre_round"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE", name="fk_pre_round_meeting_id_meeting"), unique=True
    )
    deadline: Mapped[datetime]
    """Until when members can answer and change (UTC, naive like every stored moment)."""
    closed_at: Mapped[datetime | None] = mapped_column(default=None)
    """Closed early by the facilitator; None: open until the deadline or the meeting's start."""
    revealed: Mapped[bool] = mapped_column(default=False, server_default=false())
    """The facilitator chose to read the answers before the deadline."""
    opened_at: Mapped[datetime] = mapped_column(default=nu)


class PreRoundAnswer(Base):
    """One member's pre-round: the draft as typed (texts and choices) and when it was handed in."""

    __tablename__ = "pre_round_answer"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE", name="fk_pre_round_answer_meeting_id_meeting"), index=True
    )
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE", name="fk_pre_round_answer_participant_id_participant"),
        unique=True,
    )
    texts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """BOB question id -> what the member wrote (seed 003, A2.1)."""
    choices: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """Assessment prompt id -> the member's choice, as the phone would send it."""
    submitted_at: Mapped[datetime | None] = mapped_column(default=None)
    """When last handed in; None: still a draft, not counted in the round."""
    updated_at: Mapped[datetime] = mapped_column(default=nu)
