"""Actors: mentions of people, organisations and states, linked to canonical actors."""
