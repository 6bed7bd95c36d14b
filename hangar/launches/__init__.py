"""Launches. Today Hangar keeps the launch a spacecraft flight refers to as the upstream
document, with the columns the spacecraft statistics need; the launch domain's tables come
next."""
