"""People at the bench on screen: who is signed in (``SignInBar``), the audit (``AuditPanel``), the
people an admin manages (``PeopleDialog``), wired to the bench by ``PeopleWiring``."""
