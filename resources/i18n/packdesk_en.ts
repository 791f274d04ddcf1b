<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AddressDialog</name>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="64" />
        <source>Recipient and address of %1</source>
        <translation>Recipient and address of %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="65" />
        <source>Enter the recipient and the address as the buyer gave them (Ozon does not always give them to an rFBS seller); %1 then gets the parcel with the next sync pass.</source>
        <translation>Enter the recipient and the address as the buyer gave them (Ozon does not always give them to an rFBS seller); %1 then gets the parcel with the next sync pass.</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="69" />
        <source>Recipient*</source>
        <translation>Recipient*</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="69" />
        <source>Phone*</source>
        <translation>Phone*</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="69" />
        <source>Postcode*</source>
        <translation>Postcode*</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="70" />
        <source>City*</source>
        <translation>City*</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="70" />
        <source>Street*</source>
        <translation>Street*</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="70" />
        <source>House</source>
        <translation>House</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="71" />
        <source>Flat</source>
        <translation>Flat</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="71" />
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="74" />
        <source>Save and send</source>
        <translation>Save and send</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="75" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <location filename="../../app/ui/people/audit.py" line="95" />
        <source>(all)</source>
        <translation>(all)</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="108" />
        <source>%1 events shown (at most %2, newest first).</source>
        <translation>%1 events shown (at most %2, newest first).</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="113" />
        <source>Export the audit</source>
        <translation>Export the audit</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="119" />
        <source>%1 events written to %2.</source>
        <translation>%1 events written to %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="124" />
        <source>The audit could not be written: %1</source>
        <translation>The audit could not be written: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="128" />
        <source>Person:</source>
        <translation>Person:</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="128" />
        <source>Bench:</source>
        <translation>Bench:</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="128" />
        <source>Event:</source>
        <translation>Event:</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="129" />
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="129" />
        <source>To:</source>
        <translation>To:</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="132" />
        <source>When (UTC)</source>
        <translation>When (UTC)</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="132" />
        <source>Bench</source>
        <translation>Bench</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="132" />
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="133" />
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="133" />
        <source>Posting</source>
        <translation>Posting</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="133" />
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="134" />
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="135" />
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../app/ui/banner.py" line="33" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>BenchController</name>
    <message>
        <location filename="../../app/ui/controller.py" line="186" />
        <location filename="../../app/ui/controller.py" line="244" />
        <location filename="../../app/ui/controller.py" line="260" />
        <source>Open settings</source>
        <translation>Open settings</translation>
    </message>
    <message>
        <location filename="../../app/ui/controller.py" line="341" />
        <source>Settings saved to %1. Restart packdesk to use new account or device settings.</source>
        <translation>Settings saved to %1. Restart packdesk to use new account or device settings.</translation>
    </message>
</context>
<context>
    <name>CasesPanel</name>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="69" />
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="69" />
        <source>Posting</source>
        <translation>Posting</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="69" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="69" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="70" />
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="70" />
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="70" />
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="71" />
        <source>New case:</source>
        <translation>New case:</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="72" />
        <source>Posting number</source>
        <translation>Posting number</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="73" />
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="74" />
        <source>Open case</source>
        <translation>Open case</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="75" />
        <source>Add note…</source>
        <translation>Add note…</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="76" />
        <source>Attach file…</source>
        <translation>Attach file…</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="77" />
        <source>Close with</source>
        <translation>Close with</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="139" />
        <source>Attach a file to the case</source>
        <translation>Attach a file to the case</translation>
    </message>
</context>
<context>
    <name>CommandDialog</name>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="137" />
        <source>Items missing</source>
        <translation>Items missing</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="138" />
        <source>The posting will be flagged for a person and not shipped as it is.</source>
        <translation>The posting will be flagged for a person and not shipped as it is.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="141" />
        <source>What is missing (optional):</source>
        <translation>What is missing (optional):</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="143" />
        <source>Close the hand-over without the missing parcels</source>
        <translation>Close the hand-over without the missing parcels</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="144" />
        <source>The missing parcels wait for the next carriage; the reason goes to the log.</source>
        <translation>The missing parcels wait for the next carriage; the reason goes to the log.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="147" />
        <source>Why (optional):</source>
        <translation>Why (optional):</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="151" />
        <source>Accept this weight</source>
        <translation>Accept this weight</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="152" />
        <source>Teach barcode %1</source>
        <translation>Teach barcode %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="145" />
        <location filename="../../app/ui/pack/actions.py" line="157" />
        <source>Supervisor:</source>
        <translation>Supervisor:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="140" />
        <location filename="../../app/ui/pack/actions.py" line="145" />
        <location filename="../../app/ui/pack/actions.py" line="154" />
        <source>Supervisor's badge or PIN:</source>
        <translation>Supervisor's badge or PIN:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="155" />
        <source>The supervisor scans their badge or types their PIN here.</source>
        <translation>The supervisor scans their badge or types their PIN here.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="159" />
        <source>It is the item:</source>
        <translation>It is the item:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="161" />
        <source>No supervisors are set up. Add their names in Settings → Packing, or scan the supervisor's command barcode.</source>
        <translation>No supervisors are set up. Add their names in Settings → Packing, or scan the supervisor's command barcode.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../app/ui/errors.py" line="39" />
        <source>packdesk: unexpected error</source>
        <translation>packdesk: unexpected error</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="40" />
        <source>(no log file)</source>
        <translation>(no log file)</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="41" />
        <source>Something went wrong inside packdesk (a bug, not your mistake).</source>
        <translation>Something went wrong inside packdesk (a bug, not your mistake).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="42" />
        <source>%1

The details are in the log: %2
Please send it to support. The bench keeps working; restart it if something looks wrong.</source>
        <translation>%1

The details are in the log: %2
Please send it to support. The bench keeps working; restart it if something looks wrong.</translation>
    </message>
</context>
<context>
    <name>ErrorFlash</name>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="66" />
        <source>STOP</source>
        <translation>STOP</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="69" />
        <source>Fix the problem, then scan the right parcel or press the button.</source>
        <translation>Fix the problem, then scan the right parcel or press the button.</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="71" />
        <source>Put its goods aside, then scan the next posting number or press the button.</source>
        <translation>Put its goods aside, then scan the next posting number or press the button.</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="73" />
        <source>Set the item aside, then scan the next returned item or press the button.</source>
        <translation>Set the item aside, then scan the next returned item or press the button.</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="75" />
        <source>Fix the problem, then scan the right item or press the button.</source>
        <translation>Fix the problem, then scan the right item or press the button.</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="77" />
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="96" />
        <source>Accept this weight (supervisor)</source>
        <translation>Accept this weight (supervisor)</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="97" />
        <source>Teach this barcode (supervisor)</source>
        <translation>Teach this barcode (supervisor)</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="98" />
        <source>Close without the missing parcels (supervisor)</source>
        <translation>Close without the missing parcels (supervisor)</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="88" />
        <source>Posting</source>
        <translation>Posting</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="88" />
        <source>Last record</source>
        <translation>Last record</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="88" />
        <source>Clips and photos</source>
        <translation>Clips and photos</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="89" />
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="90" />
        <source>Find a posting number (Enter)</source>
        <translation>Find a posting number (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="91" />
        <source>Summary in:</source>
        <translation>Summary in:</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="92" />
        <source>Make dispute bundle…</source>
        <translation>Make dispute bundle…</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="93" />
        <source>Check a bundle…</source>
        <translation>Check a bundle…</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="94" />
        <source>A dispute bundle is a ZIP for Ozon's support: the packing video, the photo on the scale, the label, every scan with its time, and a PDF summary; each file's hash is in the bench's evidence log.</source>
        <translation>A dispute bundle is a ZIP for Ozon's support: the packing video, the photo on the scale, the label, every scan with its time, and a PDF summary; each file's hash is in the bench's evidence log.</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="151" />
        <source>Save the dispute bundle</source>
        <translation>Save the dispute bundle</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="191" />
        <source>Check a dispute bundle</source>
        <translation>Check a dispute bundle</translation>
    </message>
</context>
<context>
    <name>FirstRunPanel</name>
    <message>
        <location filename="../../app/ui/first_run.py" line="22" />
        <source>Demo mode: a simulated Ozon account with sample postings, a simulated scale and printer. To try it: open the Queues tab and double-click a posting (or its item barcode) to scan it, or type a barcode below and press Enter. Then double-click each item's barcode in the list; the scale weighs the parcel and the label is printed to the data folder.</source>
        <translation>Demo mode: a simulated Ozon account with sample postings, a simulated scale and printer. To try it: open the Queues tab and double-click a posting (or its item barcode) to scan it, or type a barcode below and press Enter. Then double-click each item's barcode in the list; the scale weighs the parcel and the label is printed to the data folder.</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run.py" line="26" />
        <source>Got it</source>
        <translation>Got it</translation>
    </message>
</context>
<context>
    <name>HandoverPanel</name>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="156" />
        <source>Ready to hand over today</source>
        <translation>Ready to hand over today</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="157" />
        <source>Hand-over at this bench</source>
        <translation>Hand-over at this bench</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="158" />
        <source>Last hand-over</source>
        <translation>Last hand-over</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="159" />
        <source>Handed over, not scanned by Ozon</source>
        <translation>Handed over, not scanned by Ozon</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="160" />
        <source>Delivery method</source>
        <translation>Delivery method</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="160" />
        <source>Parcels</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="160" />
        <source>Cut-off</source>
        <translation>Cut-off</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="161" />
        <source>Carriage</source>
        <translation>Carriage</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="161" />
        <source>Ozon says</source>
        <translation>Ozon says</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="162" />
        <location filename="../../app/ui/handover/panel.py" line="163" />
        <source>Parcel</source>
        <translation>Parcel</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="162" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="162" />
        <source>Tracking number</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="163" />
        <source>Handed over</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="163" />
        <source>Ozon status</source>
        <translation>Ozon status</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="164" />
        <source>Dispute</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="165" />
        <source>Start hand-over</source>
        <translation>Start hand-over</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="166" />
        <source>Print command barcodes</source>
        <translation>Print command barcodes</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="167" />
        <source>Close the hand-over</source>
        <translation>Close the hand-over</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="168" />
        <source>Close anyway (supervisor)…</source>
        <translation>Close anyway (supervisor)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="169" />
        <source>Back to packing</source>
        <translation>Back to packing</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="170" />
        <source>Open the act</source>
        <translation>Open the act</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="171" />
        <source>Print the act</source>
        <translation>Print the act</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="172" />
        <source>Print barcode</source>
        <translation>Print barcode</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="173" />
        <source>Attach signed act…</source>
        <translation>Attach signed act…</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="174" />
        <source>Open a dispute with Ozon</source>
        <translation>Open a dispute with Ozon</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="175" />
        <source>expected</source>
        <translation>expected</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="176" />
        <source>scanned</source>
        <translation>scanned</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="177" />
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="221" />
        <source>No hand-over is open: choose a method above, or scan CMD:HANDOVER.</source>
        <translation>No hand-over is open: choose a method above, or scan CMD:HANDOVER.</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="227" />
        <source>%1 · departure %2</source>
        <translation>%1 · departure %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="232" />
        <source>Ozon could not be asked when it started.</source>
        <translation>Ozon could not be asked when it started.</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="234" />
        <source>Scan the carrier's barcode of parcel %1.</source>
        <translation>Scan the carrier's barcode of parcel %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="239" />
        <source>to scan</source>
        <translation>to scan</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="239" />
        <source>in the bag</source>
        <translation>in the bag</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="240" />
        <source>carrier barcode next</source>
        <translation>carrier barcode next</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="240" />
        <source>cancelled: taken out</source>
        <translation>cancelled: taken out</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="241" />
        <source>next carriage</source>
        <translation>next carriage</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="254" />
        <source>%1: %2 parcel(s) to the carrier, %3 tracking number(s) accepted by Ozon</source>
        <translation>%1: %2 parcel(s) to the carrier, %3 tracking number(s) accepted by Ozon</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="258" />
        <source>Carriage %1 (%2): %3 parcel(s)</source>
        <translation>Carriage %1 (%2): %3 parcel(s)</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="261" />
        <source>%1: %2 parcel(s); the carriage is being made with Ozon</source>
        <translation>%1: %2 parcel(s); the carriage is being made with Ozon</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="267" />
        <source>Ozon refused the carriage.</source>
        <translation>Ozon refused the carriage.</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="270" />
        <source>Waiting for the next carriage: %1</source>
        <translation>Waiting for the next carriage: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="272" />
        <source>Ozon had, not here (taken out of the carriage): %1</source>
        <translation>Ozon had, not here (taken out of the carriage): %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="275" />
        <source>In the bag, left out by Ozon: %1</source>
        <translation>In the bag, left out by Ozon: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="279" />
        <source>Ozon refused tracking numbers: %1</source>
        <translation>Ozon refused tracking numbers: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="281" />
        <source>Act: %1</source>
        <translation>Act: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="282" />
        <source>Signed act: %1</source>
        <translation>Signed act: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="283" />
        <source>Signed act: not attached yet</source>
        <translation>Signed act: not attached yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="315" />
        <source>Carriage %1</source>
        <translation>Carriage %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="322" />
        <source>The signed act (photo or scan)</source>
        <translation>The signed act (photo or scan)</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="323" />
        <source>Images and PDF (*.jpg *.jpeg *.png *.pdf *.tif *.tiff *.webp)</source>
        <translation>Images and PDF (*.jpg *.jpeg *.png *.pdf *.tif *.tiff *.webp)</translation>
    </message>
</context>
<context>
    <name>HeldParcelsPanel</name>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="109" />
        <location filename="../../app/ui/carriers/held.py" line="119" />
        <source>Select a parcel first.</source>
        <translation>Select a parcel first.</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="169" />
        <source>Posting</source>
        <translation>Posting</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="169" />
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="169" />
        <source>Held since</source>
        <translation>Held since</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="170" />
        <source>Carrier says</source>
        <translation>Carrier says</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="171" />
        <source>Enter address…</source>
        <translation>Enter address…</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="172" />
        <source>Retry at the carrier</source>
        <translation>Retry at the carrier</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="173" />
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="174" />
        <source>Once the cause is fixed: the parcel goes to the carrier again with the next sync pass, never twice</source>
        <translation>Once the cause is fixed: the parcel goes to the carrier again with the next sync pass, never twice</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <location filename="../../app/ui/log_view.py" line="40" />
        <source>Show from level:</source>
        <translation>Show from level:</translation>
    </message>
    <message>
        <location filename="../../app/ui/log_view.py" line="41" />
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <location filename="../../app/ui/log_view.py" line="41" />
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location filename="../../app/ui/log_view.py" line="41" />
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../app/ui/log_view.py" line="41" />
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="90" />
        <source>packdesk: packing bench</source>
        <translation>packdesk: packing bench</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="92" />
        <source>Pack</source>
        <translation>Pack</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="93" />
        <source>Queues</source>
        <translation>Queues</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="94" />
        <source>Hand-over</source>
        <translation>Hand-over</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="95" />
        <source>Tracking</source>
        <translation>Tracking</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="96" />
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="97" />
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="97" />
        <source>Returns</source>
        <translation>Returns</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="98" />
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="98" />
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="99" />
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="102" />
        <source>&amp;People…</source>
        <translation>&amp;People…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="103" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="104" />
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="105" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="106" />
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
</context>
<context>
    <name>PackActions</name>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="73" />
        <source>Park</source>
        <translation>Park</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="73" />
        <source>Next box</source>
        <translation>Next box</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="73" />
        <source>Weigh again</source>
        <translation>Weigh again</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="74" />
        <source>Items missing…</source>
        <translation>Items missing…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="74" />
        <source>Put back</source>
        <translation>Put back</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="75" />
        <source>Set this posting aside (it stays yours) and free the bench</source>
        <translation>Set this posting aside (it stays yours) and free the bench</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="76" />
        <source>Close this box and start the next one</source>
        <translation>Close this box and start the next one</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="77" />
        <source>Read the scale again</source>
        <translation>Read the scale again</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="78" />
        <source>Units cannot be found: flag the posting for a person</source>
        <translation>Units cannot be found: flag the posting for a person</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="79" />
        <source>Put the posting back: counted units are dropped</source>
        <translation>Put the posting back: counted units are dropped</translation>
    </message>
</context>
<context>
    <name>PackView</name>
    <message>
        <location filename="../../app/ui/pack/view.py" line="121" />
        <source>Type or scan a barcode, then Enter</source>
        <translation>Type or scan a barcode, then Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="122" />
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="123" />
        <source>Last messages</source>
        <translation>Last messages</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="124" />
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="124" />
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="124" />
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="125" />
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="125" />
        <source>Needed</source>
        <translation>Needed</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="142" />
        <source>Packing %1: scan every item</source>
        <translation>Packing %1: scan every item</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="144" />
        <source>Put the parcel on the scale</source>
        <translation>Put the parcel on the scale</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="146" />
        <source>Stop: look at the message</source>
        <translation>Stop: look at the message</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="148" />
        <source>Hand-over: scan each parcel into the courier's bag</source>
        <translation>Hand-over: scan each parcel into the courier's bag</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="150" />
        <source>Return: scan each unit that came back, then Close return</source>
        <translation>Return: scan each unit that came back, then Close return</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="152" />
        <source>Packed: %1</source>
        <translation>Packed: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="153" />
        <source>Scan a posting or an item</source>
        <translation>Scan a posting or an item</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="274" />
        <source>Scale: no reading</source>
        <translation>Scale: no reading</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="286" />
        <source>Ship by %1 (%2)</source>
        <translation>Ship by %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="290" />
        <source>express</source>
        <translation>express</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="297" />
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="298" />
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="299" />
        <source>%1 left</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="299" />
        <source>late by %1</source>
        <translation>late by %1</translation>
    </message>
</context>
<context>
    <name>PeopleDialog</name>
    <message>
        <location filename="../../app/ui/people/manage.py" line="28" />
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="30" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="30" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="30" />
        <source>Signs in with</source>
        <translation>Signs in with</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="31" />
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="43" />
        <source>PIN (4-12 digits, optional)</source>
        <translation>PIN (4-12 digits, optional)</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="44" />
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="46" />
        <source>New badge</source>
        <translation>New badge</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="48" />
        <source>Set PIN</source>
        <translation>Set PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="50" />
        <source>Set role</source>
        <translation>Set role</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="52" />
        <source>Deactivate</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="57" />
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="60" />
        <source>Selected person:</source>
        <translation>Selected person:</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="67" />
        <source>Packers pack; supervisors also confirm overrides with their badge or PIN; admins also change settings and people.</source>
        <translation>Packers pack; supervisors also confirm overrides with their badge or PIN; admins also change settings and people.</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="79" />
        <source>packer</source>
        <translation>packer</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="79" />
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="79" />
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="89" />
        <source>badge</source>
        <translation>badge</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="89" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="90" />
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="90" />
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="103" />
        <source>%1 added.</source>
        <translation>%1 added.</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="109" />
        <source>New badge of %1: print this code as a Code 128 barcode: %2</source>
        <translation>New badge of %1: print this code as a Code 128 barcode: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="121" />
        <source>PIN of %1 set.</source>
        <translation>PIN of %1 set.</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="126" />
        <source>%1 is now: %2</source>
        <translation>%1 is now: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="133" />
        <source>%1 can no longer sign in.</source>
        <translation>%1 can no longer sign in.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../app/ui/people/bar.py" line="23" />
        <source>Sign in with a PIN</source>
        <translation>Sign in with a PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/bar.py" line="30" />
        <source>PIN:</source>
        <translation>PIN:</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../app/ui/progress.py" line="82" />
        <source>Syncing postings: %1 of %2</source>
        <translation>Syncing postings: %1 of %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/progress.py" line="83" />
        <source>Syncing postings: %1</source>
        <translation>Syncing postings: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/progress.py" line="85" />
        <source>Wave %1: labels printed %2 of %3</source>
        <translation>Wave %1: labels printed %2 of %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/progress.py" line="88" />
        <source>Printing labels: %1 of %2</source>
        <translation>Printing labels: %1 of %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/progress.py" line="89" />
        <source>Writing the report…</source>
        <translation>Writing the report…</translation>
    </message>
    <message>
        <location filename="../../app/ui/progress.py" line="89" />
        <source>The report is written</source>
        <translation>The report is written</translation>
    </message>
</context>
<context>
    <name>Queues</name>
    <message>
        <location filename="../../app/ui/queues/model.py" line="42" />
        <location filename="../../app/ui/queues/model.py" line="58" />
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="43" />
        <location filename="../../app/ui/queues/model.py" line="52" />
        <location filename="../../app/ui/queues/model.py" line="59" />
        <location filename="../../app/ui/queues/model.py" line="65" />
        <source>Posting</source>
        <translation>Posting</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="44" />
        <source>Warehouse</source>
        <translation>Warehouse</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="45" />
        <source>Delivery method</source>
        <translation>Delivery method</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="46" />
        <location filename="../../app/ui/queues/model.py" line="61" />
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="47" />
        <source>Item barcode</source>
        <translation>Item barcode</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="48" />
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="50" />
        <source>Ozon account</source>
        <translation>Ozon account</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="53" />
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="54" />
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="55" />
        <source>Copies</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="60" />
        <source>On Ozon</source>
        <translation>On Ozon</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="62" />
        <source>What is wrong</source>
        <translation>What is wrong</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="66" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="67" />
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="68" />
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>QueuesPanel</name>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="121" />
        <source>Warehouse:</source>
        <translation>Warehouse:</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="122" />
        <source>Delivery:</source>
        <translation>Delivery:</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="123" />
        <source>Search posting, item or barcode</source>
        <translation>Search posting, item or barcode</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="124" />
        <source>Reprint selected label</source>
        <translation>Reprint selected label</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="140" />
        <source>Awaiting packaging (%1)</source>
        <translation>Awaiting packaging (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="140" />
        <source>Packed, waiting for label (%1)</source>
        <translation>Packed, waiting for label (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="141" />
        <source>Printed today (%1)</source>
        <translation>Printed today (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="141" />
        <source>Failed prints (%1)</source>
        <translation>Failed prints (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="141" />
        <source>Needs a person (%1)</source>
        <translation>Needs a person (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="146" />
        <source>Held at the carrier (%1)</source>
        <translation>Held at the carrier (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="205" />
        <source>All warehouses</source>
        <translation>All warehouses</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="206" />
        <source>All methods</source>
        <translation>All methods</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="241" />
        <source>Make dispute bundle…</source>
        <translation>Make dispute bundle…</translation>
    </message>
</context>
<context>
    <name>ReturnsPanel</name>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="94" />
        <source>At this bench</source>
        <translation>At this bench</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="95" />
        <source>What shipped</source>
        <translation>What shipped</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="96" />
        <source>What came back</source>
        <translation>What came back</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="97" />
        <source>Scan a return's barcode to open it here: unpack it on camera and scan each unit back; each is checked against the unit that shipped.</source>
        <translation>Scan a return's barcode to open it here: unpack it on camera and scan each unit back; each is checked against the unit that shipped.</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="99" />
        <source>Condition note (damage, missing parts, smell…)</source>
        <translation>Condition note (damage, missing parts, smell…)</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="100" />
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="101" />
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="102" />
        <source>Packing clip</source>
        <translation>Packing clip</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="103" />
        <source>Close return</source>
        <translation>Close return</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="104" />
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="104" />
        <source>Scheme</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="104" />
        <source>Posting</source>
        <translation>Posting</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="105" />
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="105" />
        <source>Ozon's state</source>
        <translation>Ozon's state</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="105" />
        <source>At the bench</source>
        <translation>At the bench</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="106" />
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="107" />
        <source>rFBS action:</source>
        <translation>rFBS action:</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="108" />
        <source>Comment (needed to reject)</source>
        <translation>Comment (needed to reject)</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="109" />
        <source>Send to Ozon</source>
        <translation>Send to Ozon</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="148" />
        <source>Return {barcode} of posting {posting}: {product} × {quantity}</source>
        <translation>Return {barcode} of posting {posting}: {product} × {quantity}</translation>
    </message>
</context>
<context>
    <name>ScaleWords</name>
    <message>
        <location filename="../../app/ui/scale_words.py" line="12" />
        <source>stable</source>
        <translation>stable</translation>
    </message>
    <message>
        <location filename="../../app/ui/scale_words.py" line="14" />
        <source>overload</source>
        <translation>overload</translation>
    </message>
    <message>
        <location filename="../../app/ui/scale_words.py" line="16" />
        <source>below zero: tare the scale</source>
        <translation>below zero: tare the scale</translation>
    </message>
    <message>
        <location filename="../../app/ui/scale_words.py" line="17" />
        <source>settling…</source>
        <translation>settling…</translation>
    </message>
    <message>
        <location filename="../../app/ui/scale_words.py" line="27" />
        <source>Scale: %1 g, %2</source>
        <translation>Scale: %1 g, %2</translation>
    </message>
</context>
<context>
    <name>SettingDocs</name>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="8" />
        <source>Seller API address</source>
        <translation>Seller API address</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="9" />
        <source>Client-Id of the seller account</source>
        <translation>Client-Id of the seller account</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="10" />
        <source>warehouses to sync; empty: all</source>
        <translation>warehouses to sync; empty: all</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="11" />
        <source>own rate limit, well under Ozon's 50 rps</source>
        <translation>own rate limit, well under Ozon's 50 rps</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="12" />
        <source>seconds between sync passes</source>
        <translation>seconds between sync passes</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="13" />
        <source>printer URI, e.g. tcp://10.0.0.5:9100?lang=tspl&amp;dpi=203</source>
        <translation>printer URI, e.g. tcp://10.0.0.5:9100?lang=tspl&amp;dpi=203</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="14" />
        <source>scale URI, e.g. hid://0922:8003</source>
        <translation>scale URI, e.g. hid://0922:8003</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="15" />
        <source>scanner URI: keyboard, serial:PORT, hid://VID:PID</source>
        <translation>scanner URI: keyboard, serial:PORT, hid://VID:PID</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="16" />
        <source>allowed deviation from catalogue weight, %</source>
        <translation>allowed deviation from catalogue weight, %</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="17" />
        <source>weight of the box and filler, g</source>
        <translation>weight of the box and filler, g</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="18" />
        <source>people who may teach barcodes and override a weight check</source>
        <translation>people who may teach barcodes and override a weight check</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="19" />
        <source>the station's own order label (QR PDK:&lt;posting&gt;): never = only Ozon's label prints; on_pack = print it right after packing, for the verify-first shelf (scan it to match Ozon's label)</source>
        <translation>the station's own order label (QR PDK:&lt;posting&gt;): never = only Ozon's label prints; on_pack = print it right after packing, for the verify-first shelf (scan it to match Ozon's label)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="20" />
        <source>minutes without a scan after which the person signed in at this bench is signed out</source>
        <translation>minutes without a scan after which the person signed in at this bench is signed out</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="21" />
        <source>message the buyer of an rFBS parcel its tracking number through Ozon's chat (needs Premium Plus or Pro): off, or the language of the template sent</source>
        <translation>message the buyer of an rFBS parcel its tracking number through Ozon's chat (needs Premium Plus or Pro): off, or the language of the template sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="22" />
        <source>the buyer's message in Russian: {posting}, {carrier} and {tracking_number} are filled in</source>
        <translation>the buyer's message in Russian: {posting}, {carrier} and {tracking_number} are filled in</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="23" />
        <source>the buyer's message in Chinese (same placeholders)</source>
        <translation>the buyer's message in Chinese (same placeholders)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="24" />
        <source>the buyer's message in English (same placeholders)</source>
        <translation>the buyer's message in English (same placeholders)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="167" />
        <source>Seller API address</source>
        <translation>Seller API address</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="167" />
        <source>Client-Id</source>
        <translation>Client-Id</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="168" />
        <source>API key (leave empty to keep the saved one)</source>
        <translation>API key (leave empty to keep the saved one)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="169" />
        <source>Warehouses to sync (ids, empty: all)</source>
        <translation>Warehouses to sync (ids, empty: all)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="170" />
        <source>Label printer</source>
        <translation>Label printer</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="170" />
        <source>Scale</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="170" />
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="171" />
        <source>Weight tolerance, %</source>
        <translation>Weight tolerance, %</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="172" />
        <source>Box and filler weight, g</source>
        <translation>Box and filler weight, g</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="173" />
        <source>Supervisors (may teach barcodes and accept a weight), comma-separated</source>
        <translation>Supervisors (may teach barcodes and accept a weight), comma-separated</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="174" />
        <source>Requests to Ozon per second</source>
        <translation>Requests to Ozon per second</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="175" />
        <source>Sync every, s</source>
        <translation>Sync every, s</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="176" />
        <source>Own order label</source>
        <translation>Own order label</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="177" />
        <source>Sign a packer out after, min without a scan</source>
        <translation>Sign a packer out after, min without a scan</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="178" />
        <source>Tracking number to the buyer</source>
        <translation>Tracking number to the buyer</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="179" />
        <source>Message in Russian</source>
        <translation>Message in Russian</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="179" />
        <source>Message in Chinese</source>
        <translation>Message in Chinese</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="180" />
        <source>Message in English</source>
        <translation>Message in English</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="181" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="186" />
        <source>Never: only Ozon's label</source>
        <translation>Never: only Ozon's label</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="187" />
        <source>After packing, for the verify-first shelf</source>
        <translation>After packing, for the verify-first shelf</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="188" />
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="188" />
        <source>In Russian</source>
        <translation>In Russian</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="188" />
        <source>In Chinese</source>
        <translation>In Chinese</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="189" />
        <source>In English</source>
        <translation>In English</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="197" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="198" />
        <source>Ozon</source>
        <translation>Ozon</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="198" />
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="198" />
        <source>Packing</source>
        <translation>Packing</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="198" />
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="199" />
        <source>Buyer messages</source>
        <translation>Buyer messages</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="213" />
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="214" />
        <source>Find devices</source>
        <translation>Find devices</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="215" />
        <source>Test print</source>
        <translation>Test print</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="216" />
        <source>Read scale</source>
        <translation>Read scale</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="217" />
        <source>Print the command barcodes</source>
        <translation>Print the command barcodes</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="244" />
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="254" />
        <source>Asking Ozon…</source>
        <translation>Asking Ozon…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="258" />
        <source>Connection failed: %1</source>
        <translation>Connection failed: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="265" />
        <source>Connected. The key has no expiry date.</source>
        <translation>Connected. The key has no expiry date.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="267" />
        <source>Connected. The key expires on %1.</source>
        <translation>Connected. The key expires on %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="295" />
        <source>Looking for devices…</source>
        <translation>Looking for devices…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="308" />
        <source>%1 device(s) found.</source>
        <translation>%1 device(s) found.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="319" />
        <source>Test label sent to %1.</source>
        <translation>Test label sent to %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="327" />
        <source>No scale in use: pick one and press Read scale.</source>
        <translation>No scale in use: pick one and press Read scale.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="329" />
        <source>Live reading shows the scale in use; press Read scale to try the new one.</source>
        <translation>Live reading shows the scale in use; press Read scale to try the new one.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="331" />
        <source>Scale in use: waiting for a reading…</source>
        <translation>Scale in use: waiting for a reading…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="333" />
        <source>Scale in use, live: %1 g (%2)</source>
        <translation>Scale in use, live: %1 g (%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="344" />
        <source>Printing…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="346" />
        <source>Not printed: %1</source>
        <translation>Not printed: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="355" />
        <source>Scale reads %1 g (%2).</source>
        <translation>Scale reads %1 g (%2).</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="359" />
        <source>Device problem: %1</source>
        <translation>Device problem: %1</translation>
    </message>
</context>
<context>
    <name>SignInBar</name>
    <message>
        <location filename="../../app/ui/people/bar.py" line="84" />
        <source>Signed in: %1</source>
        <translation>Signed in: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/bar.py" line="86" />
        <source>Nobody is signed in: scan your badge or type your PIN.</source>
        <translation>Nobody is signed in: scan your badge or type your PIN.</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/bar.py" line="87" />
        <source>Type PIN…</source>
        <translation>Type PIN…</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/bar.py" line="88" />
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
</context>
<context>
    <name>StatisticsPanel</name>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="72" />
        <source>Save the shift report</source>
        <translation>Save the shift report</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="73" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="127" />
        <source>Per packer over the period</source>
        <translation>Per packer over the period</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="130" />
        <location filename="../../app/ui/people/statistics.py" line="139" />
        <source>Postings</source>
        <translation>Postings</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="130" />
        <location filename="../../app/ui/people/statistics.py" line="139" />
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="130" />
        <location filename="../../app/ui/people/statistics.py" line="140" />
        <source>Mistakes caught</source>
        <translation>Mistakes caught</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="131" />
        <location filename="../../app/ui/people/statistics.py" line="140" />
        <source>Overrides</source>
        <translation>Overrides</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="134" />
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="135" />
        <source>To:</source>
        <translation>To:</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="136" />
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="137" />
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="139" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="139" />
        <source>Bench</source>
        <translation>Bench</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="139" />
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="140" />
        <source>s/unit</source>
        <translation>s/unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="140" />
        <source>s/posting</source>
        <translation>s/posting</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../app/ui/status.py" line="180" />
        <source>Ozon: connecting…</source>
        <translation>Ozon: connecting…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="180" />
        <source>Ozon: online</source>
        <translation>Ozon: online</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="181" />
        <source>Ozon: offline</source>
        <translation>Ozon: offline</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="181" />
        <source>Ozon: key refused</source>
        <translation>Ozon: key refused</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="182" />
        <source>Ozon: not set up</source>
        <translation>Ozon: not set up</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="186" />
        <source>Last sync: %1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="187" />
        <source>Outbox: %1 open, %2 parked</source>
        <translation>Outbox: %1 open, %2 parked</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="190" />
        <source>Printer: %1</source>
        <translation>Printer: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="190" />
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="192" />
        <source>Scanner: %1</source>
        <translation>Scanner: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="192" />
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="209" />
        <source>Camera: off</source>
        <translation>Camera: off</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="211" />
        <source>● REC</source>
        <translation>● REC</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="213" />
        <source>⚠ Camera: %1</source>
        <translation>⚠ Camera: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="213" />
        <source>not available</source>
        <translation>not available</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="215" />
        <source>Camera: ready</source>
        <translation>Camera: ready</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="216" />
        <source>Camera: starting…</source>
        <translation>Camera: starting…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="228" />
        <source>⚠ API key expires %1</source>
        <translation>⚠ API key expires %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="235" />
        <source>not set</source>
        <translation>not set</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="257" />
        <source>Scale: not set</source>
        <translation>Scale: not set</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="259" />
        <location filename="../../app/ui/status.py" line="262" />
        <source>Scale: %1</source>
        <translation>Scale: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="263" />
        <source>Scale: %1 g</source>
        <translation>Scale: %1 g</translation>
    </message>
</context>
<context>
    <name>TrackingPanel</name>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="121" />
        <source>Select the parcels first.</source>
        <translation>Select the parcels first.</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="181" />
        <source>Posting</source>
        <translation>Posting</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="181" />
        <source>Ozon status</source>
        <translation>Ozon status</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="181" />
        <source>Substatus</source>
        <translation>Substatus</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="182" />
        <source>In status</source>
        <translation>In status</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="182" />
        <source>Tracking number</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="183" />
        <source>Needs a person</source>
        <translation>Needs a person</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="183" />
        <source>Carrier says</source>
        <translation>Carrier says</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="184" />
        <source>Domestic tracking</source>
        <translation>Domestic tracking</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="185" />
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="186" />
        <source>Courier on the way</source>
        <translation>Courier on the way</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="187" />
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="188" />
        <source>For parcels of your own carrier: tells Ozon, then checks that Ozon shows it</source>
        <translation>For parcels of your own carrier: tells Ozon, then checks that Ozon shows it</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="191" />
        <source>Turn buyer messages on again</source>
        <translation>Turn buyer messages on again</translation>
    </message>
</context>
</TS>