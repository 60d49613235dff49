"""Refusals the domain gives, worded for the person who caused them."""


class Geweigerd(Exception):
    """An action that the rules of the meeting do not allow; the message is Dutch and shown as is."""


class NietGevonden(Geweigerd):
    """An unknown meeting, link, participant or item."""


ALLEEN_LEIDING = "Alleen de gespreksleider mag dit doen."
"""The refusal for anything that needs the facilitator's link and did not bring it."""

ALLEEN_NOTULIST = "Alleen de notulist mag dit doen."
"""The refusal for anything that needs the secretary's link and did not bring it."""

ALLEEN_ORGANISATOR = "Alleen de organisator mag dit doen. Log in op de startpagina."
"""The refusal for deleting or archiving without the organiser's proof."""
