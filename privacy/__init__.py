"""Personal data: what each app keeps about a person, registered by that app (privacy.registry).
Imports no app of the project."""
