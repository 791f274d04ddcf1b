"""People at the benches: who signs in (badge or PIN), who may confirm what, and the audit.

- ``credentials``: badges and PINs and their hashes (pure);
- ``directory``: adding people, issuing badges, setting PINs, finding a person by a badge or PIN;
- ``roles``: what each role may do;
- ``sign_in``: a bench's session (inside the station's transaction): signing in and out, idle time;
- ``audit``: who did what, where and when, from the event log; as CSV.
"""
