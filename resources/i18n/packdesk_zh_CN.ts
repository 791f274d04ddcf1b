<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AddressDialog</name>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="64" />
        <source>Recipient and address of %1</source>
        <translation>货件 %1 的收件人和地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="65" />
        <source>Enter the recipient and the address as the buyer gave them (Ozon does not always give them to an rFBS seller); %1 then gets the parcel with the next sync pass.</source>
        <translation>请按买家提供的信息填写收件人和地址（Ozon 并不总是向 rFBS 卖家提供这些信息）；之后 %1 将在下次同步时收到该货件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="69" />
        <source>Recipient*</source>
        <translation>收件人*</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="69" />
        <source>Phone*</source>
        <translation>电话*</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="69" />
        <source>Postcode*</source>
        <translation>邮编*</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="70" />
        <source>City*</source>
        <translation>城市*</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="70" />
        <source>Street*</source>
        <translation>街道*</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="70" />
        <source>House</source>
        <translation>门牌号</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="71" />
        <source>Flat</source>
        <translation>公寓号</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="71" />
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="74" />
        <source>Save and send</source>
        <translation>保存并发送</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="75" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <location filename="../../app/ui/people/audit.py" line="95" />
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="108" />
        <source>%1 events shown (at most %2, newest first).</source>
        <translation>显示 %1 条事件（最多 %2 条，最新在前）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="113" />
        <source>Export the audit</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="119" />
        <source>%1 events written to %2.</source>
        <translation>已将 %1 条事件写入 %2。</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="124" />
        <source>The audit could not be written: %1</source>
        <translation>审计记录未能写入：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="128" />
        <source>Person:</source>
        <translation>人员：</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="128" />
        <source>Bench:</source>
        <translation>工作台：</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="128" />
        <source>Event:</source>
        <translation>事件：</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="129" />
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="129" />
        <source>To:</source>
        <translation>到：</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="132" />
        <source>When (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="132" />
        <source>Bench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="132" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="133" />
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="133" />
        <source>Posting</source>
        <translation>货件</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="133" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="134" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="135" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../app/ui/banner.py" line="33" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>BenchController</name>
    <message>
        <location filename="../../app/ui/controller.py" line="186" />
        <location filename="../../app/ui/controller.py" line="244" />
        <location filename="../../app/ui/controller.py" line="260" />
        <source>Open settings</source>
        <translation>打开设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/controller.py" line="341" />
        <source>Settings saved to %1. Restart packdesk to use new account or device settings.</source>
        <translation>设置已保存到 %1。请重启 packdesk 以使新的账户或设备设置生效。</translation>
    </message>
</context>
<context>
    <name>CasesPanel</name>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="69" />
        <source>Case</source>
        <translation>案例</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="69" />
        <source>Posting</source>
        <translation>货件</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="69" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="69" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="70" />
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="70" />
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="70" />
        <source>Opened</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="71" />
        <source>New case:</source>
        <translation>新案例：</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="72" />
        <source>Posting number</source>
        <translation>货件编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="73" />
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="74" />
        <source>Open case</source>
        <translation>创建案例</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="75" />
        <source>Add note…</source>
        <translation>添加备注…</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="76" />
        <source>Attach file…</source>
        <translation>附加文件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="77" />
        <source>Close with</source>
        <translation>关闭，结果为</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="139" />
        <source>Attach a file to the case</source>
        <translation>为案例附加文件</translation>
    </message>
</context>
<context>
    <name>CommandDialog</name>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="137" />
        <source>Items missing</source>
        <translation>缺少商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="138" />
        <source>The posting will be flagged for a person and not shipped as it is.</source>
        <translation>该货件将被标记交由人工处理，不会按现状发货。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="141" />
        <source>What is missing (optional):</source>
        <translation>缺少什么（可选）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="143" />
        <source>Close the hand-over without the missing parcels</source>
        <translation>在缺少包裹的情况下完成交接</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="144" />
        <source>The missing parcels wait for the next carriage; the reason goes to the log.</source>
        <translation>缺少的包裹将随下一次运输发出；原因会记入日志。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="147" />
        <source>Why (optional):</source>
        <translation>原因（可选）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="151" />
        <source>Accept this weight</source>
        <translation>接受此重量</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="152" />
        <source>Teach barcode %1</source>
        <translation>绑定条码 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="145" />
        <location filename="../../app/ui/pack/actions.py" line="157" />
        <source>Supervisor:</source>
        <translation>主管：</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="140" />
        <location filename="../../app/ui/pack/actions.py" line="145" />
        <location filename="../../app/ui/pack/actions.py" line="154" />
        <source>Supervisor's badge or PIN:</source>
        <translation>主管的工牌或 PIN：</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="155" />
        <source>The supervisor scans their badge or types their PIN here.</source>
        <translation>请主管在此扫描工牌或输入 PIN。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="159" />
        <source>It is the item:</source>
        <translation>对应商品：</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="161" />
        <source>No supervisors are set up. Add their names in Settings → Packing, or scan the supervisor's command barcode.</source>
        <translation>尚未设置主管。请在“设置 → 包装”中添加主管姓名，或扫描主管的指令条码。</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../app/ui/errors.py" line="39" />
        <source>packdesk: unexpected error</source>
        <translation>packdesk：意外错误</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="40" />
        <source>(no log file)</source>
        <translation>（无日志文件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="41" />
        <source>Something went wrong inside packdesk (a bug, not your mistake).</source>
        <translation>packdesk 内部出错（是程序缺陷，不是您的操作失误）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="42" />
        <source>%1

The details are in the log: %2
Please send it to support. The bench keeps working; restart it if something looks wrong.</source>
        <translation>%1

详细信息见日志：%2
请将其发送给技术支持。工作台仍可继续使用；如有异常请重启。</translation>
    </message>
</context>
<context>
    <name>ErrorFlash</name>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="66" />
        <source>STOP</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="69" />
        <source>Fix the problem, then scan the right parcel or press the button.</source>
        <translation>请先解决问题，然后扫描正确的包裹或按下按钮。</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="71" />
        <source>Put its goods aside, then scan the next posting number or press the button.</source>
        <translation>请将其商品放到一边，然后扫描下一个货件号或按下按钮。</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="73" />
        <source>Set the item aside, then scan the next returned item or press the button.</source>
        <translation>请将该商品放到一边，然后扫描下一件退回商品或按下按钮。</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="75" />
        <source>Fix the problem, then scan the right item or press the button.</source>
        <translation>请先解决问题，然后扫描正确的商品或按下按钮。</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="77" />
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="96" />
        <source>Accept this weight (supervisor)</source>
        <translation>接受此重量（主管）</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="97" />
        <source>Teach this barcode (supervisor)</source>
        <translation>绑定此条码（主管）</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="98" />
        <source>Close without the missing parcels (supervisor)</source>
        <translation>不等缺少的包裹直接完成（主管）</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="88" />
        <source>Posting</source>
        <translation>货件</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="88" />
        <source>Last record</source>
        <translation>最近记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="88" />
        <source>Clips and photos</source>
        <translation>视频和照片</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="89" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="90" />
        <source>Find a posting number (Enter)</source>
        <translation>查找货件号（回车）</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="91" />
        <source>Summary in:</source>
        <translation>摘要语言：</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="92" />
        <source>Make dispute bundle…</source>
        <translation>生成争议证据包…</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="93" />
        <source>Check a bundle…</source>
        <translation>校验证据包…</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="94" />
        <source>A dispute bundle is a ZIP for Ozon's support: the packing video, the photo on the scale, the label, every scan with its time, and a PDF summary; each file's hash is in the bench's evidence log.</source>
        <translation>争议证据包是提交给 Ozon 客服的 ZIP：打包视频、称重照片、面单、每次扫描及其时间，以及 PDF 摘要；每个文件的哈希值都记录在本工作台的证据日志中。</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="151" />
        <source>Save the dispute bundle</source>
        <translation>保存争议证据包</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="191" />
        <source>Check a dispute bundle</source>
        <translation>校验争议证据包</translation>
    </message>
</context>
<context>
    <name>FirstRunPanel</name>
    <message>
        <location filename="../../app/ui/first_run.py" line="22" />
        <source>Demo mode: a simulated Ozon account with sample postings, a simulated scale and printer. To try it: open the Queues tab and double-click a posting (or its item barcode) to scan it, or type a barcode below and press Enter. Then double-click each item's barcode in the list; the scale weighs the parcel and the label is printed to the data folder.</source>
        <translation>演示模式：模拟的 Ozon 账户（含示例货件）、模拟电子秤和打印机。试用方法：打开“队列”标签页，双击某个货件（或其商品条码）即可扫描，或在下方输入条码并按回车。然后双击列表中每件商品的条码；电子秤会称重包裹，面单会打印到数据文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run.py" line="26" />
        <source>Got it</source>
        <translation>知道了</translation>
    </message>
</context>
<context>
    <name>HandoverPanel</name>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="156" />
        <source>Ready to hand over today</source>
        <translation>今天待交接</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="157" />
        <source>Hand-over at this bench</source>
        <translation>本工作台的交接</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="158" />
        <source>Last hand-over</source>
        <translation>最近一次交接</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="159" />
        <source>Handed over, not scanned by Ozon</source>
        <translation>已交出但 Ozon 未扫描</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="160" />
        <source>Delivery method</source>
        <translation>配送方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="160" />
        <source>Parcels</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="160" />
        <source>Cut-off</source>
        <translation>截单时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="161" />
        <source>Carriage</source>
        <translation>运输单</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="161" />
        <source>Ozon says</source>
        <translation>Ozon 提示</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="162" />
        <location filename="../../app/ui/handover/panel.py" line="163" />
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="162" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="162" />
        <source>Tracking number</source>
        <translation>追踪号</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="163" />
        <source>Handed over</source>
        <translation>交出时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="163" />
        <source>Ozon status</source>
        <translation>Ozon 状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="164" />
        <source>Dispute</source>
        <translation>争议</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="165" />
        <source>Start hand-over</source>
        <translation>开始交接</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="166" />
        <source>Print command barcodes</source>
        <translation>打印指令条码</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="167" />
        <source>Close the hand-over</source>
        <translation>完成交接</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="168" />
        <source>Close anyway (supervisor)…</source>
        <translation>强制完成（主管）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="169" />
        <source>Back to packing</source>
        <translation>返回打包</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="170" />
        <source>Open the act</source>
        <translation>打开交接单</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="171" />
        <source>Print the act</source>
        <translation>打印交接单</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="172" />
        <source>Print barcode</source>
        <translation>打印条码</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="173" />
        <source>Attach signed act…</source>
        <translation>附上签字交接单…</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="174" />
        <source>Open a dispute with Ozon</source>
        <translation>向 Ozon 发起争议</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="175" />
        <source>expected</source>
        <translation>应交</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="176" />
        <source>scanned</source>
        <translation>已扫描</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="177" />
        <source>missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="221" />
        <source>No hand-over is open: choose a method above, or scan CMD:HANDOVER.</source>
        <translation>没有进行中的交接：请在上方选择配送方式，或扫描 CMD:HANDOVER。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="227" />
        <source>%1 · departure %2</source>
        <translation>%1 · 发运日期 %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="232" />
        <source>Ozon could not be asked when it started.</source>
        <translation>开始交接时无法询问 Ozon。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="234" />
        <source>Scan the carrier's barcode of parcel %1.</source>
        <translation>请扫描包裹 %1 上的承运商条码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="239" />
        <source>to scan</source>
        <translation>待扫描</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="239" />
        <source>in the bag</source>
        <translation>已装袋</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="240" />
        <source>carrier barcode next</source>
        <translation>下一步：承运商条码</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="240" />
        <source>cancelled: taken out</source>
        <translation>已取消：已取出</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="241" />
        <source>next carriage</source>
        <translation>下一次运输</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="254" />
        <source>%1: %2 parcel(s) to the carrier, %3 tracking number(s) accepted by Ozon</source>
        <translation>%1：已交给承运商 %2 个包裹，Ozon 已接受 %3 个追踪号</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="258" />
        <source>Carriage %1 (%2): %3 parcel(s)</source>
        <translation>运输单 %1（%2）：%3 个包裹</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="261" />
        <source>%1: %2 parcel(s); the carriage is being made with Ozon</source>
        <translation>%1：%2 个包裹；Ozon 正在生成运输单</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="267" />
        <source>Ozon refused the carriage.</source>
        <translation>Ozon 拒绝了运输单。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="270" />
        <source>Waiting for the next carriage: %1</source>
        <translation>等待下一次运输：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="272" />
        <source>Ozon had, not here (taken out of the carriage): %1</source>
        <translation>Ozon 有但不在此处（已从运输单移除）：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="275" />
        <source>In the bag, left out by Ozon: %1</source>
        <translation>已装袋但 Ozon 未纳入：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="279" />
        <source>Ozon refused tracking numbers: %1</source>
        <translation>Ozon 拒绝了追踪号：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="281" />
        <source>Act: %1</source>
        <translation>交接单：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="282" />
        <source>Signed act: %1</source>
        <translation>已签字的交接单：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="283" />
        <source>Signed act: not attached yet</source>
        <translation>已签字的交接单：尚未附上</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="315" />
        <source>Carriage %1</source>
        <translation>运输单 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="322" />
        <source>The signed act (photo or scan)</source>
        <translation>已签字的交接单（照片或扫描件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="323" />
        <source>Images and PDF (*.jpg *.jpeg *.png *.pdf *.tif *.tiff *.webp)</source>
        <translation>图片和 PDF（*.jpg *.jpeg *.png *.pdf *.tif *.tiff *.webp）</translation>
    </message>
</context>
<context>
    <name>HeldParcelsPanel</name>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="109" />
        <location filename="../../app/ui/carriers/held.py" line="119" />
        <source>Select a parcel first.</source>
        <translation>请先选择一个货件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="169" />
        <source>Posting</source>
        <translation>货件</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="169" />
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="169" />
        <source>Held since</source>
        <translation>暂停时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="170" />
        <source>Carrier says</source>
        <translation>承运商状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="171" />
        <source>Enter address…</source>
        <translation>填写地址…</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="172" />
        <source>Retry at the carrier</source>
        <translation>重新提交给承运商</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="173" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="174" />
        <source>Once the cause is fixed: the parcel goes to the carrier again with the next sync pass, never twice</source>
        <translation>原因排除后：该货件将在下次同步时再次发给承运商，绝不会重复创建</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <location filename="../../app/ui/log_view.py" line="40" />
        <source>Show from level:</source>
        <translation>显示级别：</translation>
    </message>
    <message>
        <location filename="../../app/ui/log_view.py" line="41" />
        <source>Debug</source>
        <translation>调试</translation>
    </message>
    <message>
        <location filename="../../app/ui/log_view.py" line="41" />
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/log_view.py" line="41" />
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../app/ui/log_view.py" line="41" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="90" />
        <source>packdesk: packing bench</source>
        <translation>packdesk：打包工作台</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="92" />
        <source>Pack</source>
        <translation>打包</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="93" />
        <source>Queues</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="94" />
        <source>Hand-over</source>
        <translation>交接</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="95" />
        <source>Tracking</source>
        <translation>物流跟踪</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="96" />
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="97" />
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="97" />
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="98" />
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="98" />
        <source>Cases</source>
        <translation>案例</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="99" />
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="102" />
        <source>&amp;People…</source>
        <translation>人员(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="103" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="104" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="105" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="106" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>PackActions</name>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="73" />
        <source>Park</source>
        <translation>暂放</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="73" />
        <source>Next box</source>
        <translation>下一箱</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="73" />
        <source>Weigh again</source>
        <translation>重新称重</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="74" />
        <source>Items missing…</source>
        <translation>缺少商品…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="74" />
        <source>Put back</source>
        <translation>放回队列</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="75" />
        <source>Set this posting aside (it stays yours) and free the bench</source>
        <translation>暂放此货件（仍归您处理）并空出工作台</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="76" />
        <source>Close this box and start the next one</source>
        <translation>封好此箱并开始下一箱</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="77" />
        <source>Read the scale again</source>
        <translation>重新读取电子秤</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="78" />
        <source>Units cannot be found: flag the posting for a person</source>
        <translation>找不到商品：将货件标记交由人工处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="79" />
        <source>Put the posting back: counted units are dropped</source>
        <translation>将货件放回队列：已扫描数量清零</translation>
    </message>
</context>
<context>
    <name>PackView</name>
    <message>
        <location filename="../../app/ui/pack/view.py" line="121" />
        <source>Type or scan a barcode, then Enter</source>
        <translation>输入或扫描条码，然后按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="122" />
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="123" />
        <source>Last messages</source>
        <translation>最近消息</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="124" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="124" />
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="124" />
        <source>Article</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="125" />
        <source>Counted</source>
        <translation>已扫</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="125" />
        <source>Needed</source>
        <translation>需要</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="142" />
        <source>Packing %1: scan every item</source>
        <translation>正在打包 %1：请扫描每件商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="144" />
        <source>Put the parcel on the scale</source>
        <translation>请将包裹放到秤上</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="146" />
        <source>Stop: look at the message</source>
        <translation>停止：请查看提示</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="148" />
        <source>Hand-over: scan each parcel into the courier's bag</source>
        <translation>交接：每放入快递员袋中一个包裹就扫描一次</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="150" />
        <source>Return: scan each unit that came back, then Close return</source>
        <translation>退货：逐件扫描退回的商品，然后点击“关闭退货”</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="152" />
        <source>Packed: %1</source>
        <translation>已打包：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="153" />
        <source>Scan a posting or an item</source>
        <translation>请扫描货件或商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="274" />
        <source>Scale: no reading</source>
        <translation>电子秤：无读数</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="286" />
        <source>Ship by %1 (%2)</source>
        <translation>发货截止 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="290" />
        <source>express</source>
        <translation>急速</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="297" />
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="298" />
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="299" />
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="299" />
        <source>late by %1</source>
        <translation>已超时 %1</translation>
    </message>
</context>
<context>
    <name>PeopleDialog</name>
    <message>
        <location filename="../../app/ui/people/manage.py" line="28" />
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="30" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="30" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="30" />
        <source>Signs in with</source>
        <translation>登录方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="31" />
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="43" />
        <source>PIN (4-12 digits, optional)</source>
        <translation>PIN（4–12 位数字，可选）</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="44" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="46" />
        <source>New badge</source>
        <translation>新工牌</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="48" />
        <source>Set PIN</source>
        <translation>设置 PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="50" />
        <source>Set role</source>
        <translation>设置角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="52" />
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="57" />
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="60" />
        <source>Selected person:</source>
        <translation>所选人员：</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="67" />
        <source>Packers pack; supervisors also confirm overrides with their badge or PIN; admins also change settings and people.</source>
        <translation>打包员负责打包；主管还可用自己的工牌或 PIN 确认例外；管理员还可更改设置和人员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="79" />
        <source>packer</source>
        <translation>打包员</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="79" />
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="79" />
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="89" />
        <source>badge</source>
        <translation>工牌</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="89" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="90" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="90" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="103" />
        <source>%1 added.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="109" />
        <source>New badge of %1: print this code as a Code 128 barcode: %2</source>
        <translation>%1 的新工牌：请将此代码打印为 Code 128 条码：%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="121" />
        <source>PIN of %1 set.</source>
        <translation>已设置 %1 的 PIN。</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="126" />
        <source>%1 is now: %2</source>
        <translation>%1 现在是：%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="133" />
        <source>%1 can no longer sign in.</source>
        <translation>%1 已无法登录。</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../app/ui/people/bar.py" line="23" />
        <source>Sign in with a PIN</source>
        <translation>用 PIN 登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/bar.py" line="30" />
        <source>PIN:</source>
        <translation>PIN：</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../app/ui/progress.py" line="82" />
        <source>Syncing postings: %1 of %2</source>
        <translation>正在同步货件：%1 / %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/progress.py" line="83" />
        <source>Syncing postings: %1</source>
        <translation>正在同步货件：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/progress.py" line="85" />
        <source>Wave %1: labels printed %2 of %3</source>
        <translation>波次 %1：已打印标签 %2 / %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/progress.py" line="88" />
        <source>Printing labels: %1 of %2</source>
        <translation>正在打印标签：%1 / %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/progress.py" line="89" />
        <source>Writing the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <location filename="../../app/ui/progress.py" line="89" />
        <source>The report is written</source>
        <translation>报告已生成</translation>
    </message>
</context>
<context>
    <name>Queues</name>
    <message>
        <location filename="../../app/ui/queues/model.py" line="42" />
        <location filename="../../app/ui/queues/model.py" line="58" />
        <source>Deadline</source>
        <translation>发货截止</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="43" />
        <location filename="../../app/ui/queues/model.py" line="52" />
        <location filename="../../app/ui/queues/model.py" line="59" />
        <location filename="../../app/ui/queues/model.py" line="65" />
        <source>Posting</source>
        <translation>货件</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="44" />
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="45" />
        <source>Delivery method</source>
        <translation>配送方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="46" />
        <location filename="../../app/ui/queues/model.py" line="61" />
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="47" />
        <source>Item barcode</source>
        <translation>商品条码</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="48" />
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="50" />
        <source>Ozon account</source>
        <translation>Ozon 账户</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="53" />
        <source>Printed</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="54" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="55" />
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="60" />
        <source>On Ozon</source>
        <translation>Ozon 状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="62" />
        <source>What is wrong</source>
        <translation>问题所在</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="66" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="67" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="68" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>QueuesPanel</name>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="121" />
        <source>Warehouse:</source>
        <translation>仓库：</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="122" />
        <source>Delivery:</source>
        <translation>配送：</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="123" />
        <source>Search posting, item or barcode</source>
        <translation>搜索货件、商品或条码</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="124" />
        <source>Reprint selected label</source>
        <translation>重新打印所选面单</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="140" />
        <source>Awaiting packaging (%1)</source>
        <translation>待打包 (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="140" />
        <source>Packed, waiting for label (%1)</source>
        <translation>已打包，待面单 (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="141" />
        <source>Printed today (%1)</source>
        <translation>今日已打印 (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="141" />
        <source>Failed prints (%1)</source>
        <translation>打印失败 (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="141" />
        <source>Needs a person (%1)</source>
        <translation>需要人工处理 (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="146" />
        <source>Held at the carrier (%1)</source>
        <translation>未交承运商 (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="205" />
        <source>All warehouses</source>
        <translation>全部仓库</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="206" />
        <source>All methods</source>
        <translation>全部方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="241" />
        <source>Make dispute bundle…</source>
        <translation>生成争议证据包…</translation>
    </message>
</context>
<context>
    <name>ReturnsPanel</name>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="94" />
        <source>At this bench</source>
        <translation>本工位</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="95" />
        <source>What shipped</source>
        <translation>发出的商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="96" />
        <source>What came back</source>
        <translation>退回的商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="97" />
        <source>Scan a return's barcode to open it here: unpack it on camera and scan each unit back; each is checked against the unit that shipped.</source>
        <translation>扫描退货条码即可在此打开：在摄像头下拆包并逐件扫描，每件都与发出的那一件核对。</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="99" />
        <source>Condition note (damage, missing parts, smell…)</source>
        <translation>状况备注（损坏、缺件、异味…）</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="100" />
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="101" />
        <source>Photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="102" />
        <source>Packing clip</source>
        <translation>打包视频</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="103" />
        <source>Close return</source>
        <translation>关闭退货</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="104" />
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="104" />
        <source>Scheme</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="104" />
        <source>Posting</source>
        <translation>货件</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="105" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="105" />
        <source>Ozon's state</source>
        <translation>Ozon 状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="105" />
        <source>At the bench</source>
        <translation>工位状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="106" />
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="107" />
        <source>rFBS action:</source>
        <translation>rFBS 操作：</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="108" />
        <source>Comment (needed to reject)</source>
        <translation>备注（拒绝时必填）</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="109" />
        <source>Send to Ozon</source>
        <translation>发送至 Ozon</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="148" />
        <source>Return {barcode} of posting {posting}: {product} × {quantity}</source>
        <translation>货件 {posting} 的退货 {barcode}：{product} × {quantity}</translation>
    </message>
</context>
<context>
    <name>ScaleWords</name>
    <message>
        <location filename="../../app/ui/scale_words.py" line="12" />
        <source>stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <location filename="../../app/ui/scale_words.py" line="14" />
        <source>overload</source>
        <translation>超载</translation>
    </message>
    <message>
        <location filename="../../app/ui/scale_words.py" line="16" />
        <source>below zero: tare the scale</source>
        <translation>低于零：请将秤归零</translation>
    </message>
    <message>
        <location filename="../../app/ui/scale_words.py" line="17" />
        <source>settling…</source>
        <translation>稳定中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/scale_words.py" line="27" />
        <source>Scale: %1 g, %2</source>
        <translation>电子秤：%1 克，%2</translation>
    </message>
</context>
<context>
    <name>SettingDocs</name>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="8" />
        <source>Seller API address</source>
        <translation>卖家 API 地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="9" />
        <source>Client-Id of the seller account</source>
        <translation>卖家账户的 Client-Id</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="10" />
        <source>warehouses to sync; empty: all</source>
        <translation>要同步的仓库；留空表示全部</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="11" />
        <source>own rate limit, well under Ozon's 50 rps</source>
        <translation>自身的请求频率限制，远低于 Ozon 允许的每秒 50 次</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="12" />
        <source>seconds between sync passes</source>
        <translation>两次同步之间的秒数</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="13" />
        <source>printer URI, e.g. tcp://10.0.0.5:9100?lang=tspl&amp;dpi=203</source>
        <translation>打印机 URI，例如 tcp://10.0.0.5:9100?lang=tspl&amp;dpi=203</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="14" />
        <source>scale URI, e.g. hid://0922:8003</source>
        <translation>电子秤 URI，例如 hid://0922:8003</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="15" />
        <source>scanner URI: keyboard, serial:PORT, hid://VID:PID</source>
        <translation>扫描枪 URI：keyboard、serial:端口、hid://VID:PID</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="16" />
        <source>allowed deviation from catalogue weight, %</source>
        <translation>允许与目录重量的偏差，%</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="17" />
        <source>weight of the box and filler, g</source>
        <translation>箱子和填充物的重量，克</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="18" />
        <source>people who may teach barcodes and override a weight check</source>
        <translation>可以绑定条码并越过重量检查的人员</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="19" />
        <source>the station's own order label (QR PDK:&lt;posting&gt;): never = only Ozon's label prints; on_pack = print it right after packing, for the verify-first shelf (scan it to match Ozon's label)</source>
        <translation>工作台自有的订单标签（二维码 PDK:&lt;货件&gt;）：never = 只打印 Ozon 面单；on_pack = 打包后立即打印，用于“先核验”货架（扫描它以与 Ozon 面单核对）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="20" />
        <source>minutes without a scan after which the person signed in at this bench is signed out</source>
        <translation>在此工作台无扫描多少分钟后自动退出登录的人员</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="21" />
        <source>message the buyer of an rFBS parcel its tracking number through Ozon's chat (needs Premium Plus or Pro): off, or the language of the template sent</source>
        <translation>通过 Ozon 聊天向 rFBS 包裹的买家发送追踪号（需 Premium Plus 或 Pro）：关闭，或所发送模板的语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="22" />
        <source>the buyer's message in Russian: {posting}, {carrier} and {tracking_number} are filled in</source>
        <translation>发给买家的俄语消息：会填入 {posting}、{carrier} 和 {tracking_number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="23" />
        <source>the buyer's message in Chinese (same placeholders)</source>
        <translation>发给买家的中文消息（占位符相同）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="24" />
        <source>the buyer's message in English (same placeholders)</source>
        <translation>发给买家的英语消息（占位符相同）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="167" />
        <source>Seller API address</source>
        <translation>卖家 API 地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="167" />
        <source>Client-Id</source>
        <translation>Client-Id</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="168" />
        <source>API key (leave empty to keep the saved one)</source>
        <translation>API 密钥（留空则保留已保存的密钥）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="169" />
        <source>Warehouses to sync (ids, empty: all)</source>
        <translation>要同步的仓库（ID，留空表示全部）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="170" />
        <source>Label printer</source>
        <translation>面单打印机</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="170" />
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="170" />
        <source>Scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="171" />
        <source>Weight tolerance, %</source>
        <translation>重量容差，%</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="172" />
        <source>Box and filler weight, g</source>
        <translation>箱子和填充物重量，克</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="173" />
        <source>Supervisors (may teach barcodes and accept a weight), comma-separated</source>
        <translation>主管（可绑定条码和接受重量），用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="174" />
        <source>Requests to Ozon per second</source>
        <translation>每秒向 Ozon 发送的请求数</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="175" />
        <source>Sync every, s</source>
        <translation>同步间隔（秒）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="176" />
        <source>Own order label</source>
        <translation>自有订单标签</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="177" />
        <source>Sign a packer out after, min without a scan</source>
        <translation>无扫描多少分钟后退出打包员登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="178" />
        <source>Tracking number to the buyer</source>
        <translation>向买家发送追踪号</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="179" />
        <source>Message in Russian</source>
        <translation>俄语消息</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="179" />
        <source>Message in Chinese</source>
        <translation>中文消息</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="180" />
        <source>Message in English</source>
        <translation>英语消息</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="181" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="186" />
        <source>Never: only Ozon's label</source>
        <translation>不打印：仅打印 Ozon 面单</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="187" />
        <source>After packing, for the verify-first shelf</source>
        <translation>打包后打印，用于“先核验”货架</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="188" />
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="188" />
        <source>In Russian</source>
        <translation>用俄语</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="188" />
        <source>In Chinese</source>
        <translation>用中文</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="189" />
        <source>In English</source>
        <translation>用英语</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="197" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="198" />
        <source>Ozon</source>
        <translation>Ozon</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="198" />
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="198" />
        <source>Packing</source>
        <translation>打包</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="198" />
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="199" />
        <source>Buyer messages</source>
        <translation>买家消息</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="213" />
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="214" />
        <source>Find devices</source>
        <translation>查找设备</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="215" />
        <source>Test print</source>
        <translation>测试打印</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="216" />
        <source>Read scale</source>
        <translation>读取电子秤</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="217" />
        <source>Print the command barcodes</source>
        <translation>打印指令条码</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="244" />
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="254" />
        <source>Asking Ozon…</source>
        <translation>正在询问 Ozon…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="258" />
        <source>Connection failed: %1</source>
        <translation>连接失败：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="265" />
        <source>Connected. The key has no expiry date.</source>
        <translation>已连接。该密钥没有过期日期。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="267" />
        <source>Connected. The key expires on %1.</source>
        <translation>已连接。该密钥将于 %1 过期。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="295" />
        <source>Looking for devices…</source>
        <translation>正在查找设备…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="308" />
        <source>%1 device(s) found.</source>
        <translation>找到 %1 个设备。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="319" />
        <source>Test label sent to %1.</source>
        <translation>测试面单已发送到 %1。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="327" />
        <source>No scale in use: pick one and press Read scale.</source>
        <translation>未使用电子秤：请选择电子秤并按“读取电子秤”。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="329" />
        <source>Live reading shows the scale in use; press Read scale to try the new one.</source>
        <translation>实时读数来自正在使用的电子秤；按“读取电子秤”以测试新的电子秤。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="331" />
        <source>Scale in use: waiting for a reading…</source>
        <translation>正在使用的电子秤：等待读数…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="333" />
        <source>Scale in use, live: %1 g (%2)</source>
        <translation>正在使用的电子秤，实时：%1 克（%2）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="344" />
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="346" />
        <source>Not printed: %1</source>
        <translation>未打印：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="355" />
        <source>Scale reads %1 g (%2).</source>
        <translation>电子秤读数 %1 克（%2）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="359" />
        <source>Device problem: %1</source>
        <translation>设备问题：%1</translation>
    </message>
</context>
<context>
    <name>SignInBar</name>
    <message>
        <location filename="../../app/ui/people/bar.py" line="84" />
        <source>Signed in: %1</source>
        <translation>已登录：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/bar.py" line="86" />
        <source>Nobody is signed in: scan your badge or type your PIN.</source>
        <translation>无人登录：请扫描您的工牌或输入 PIN。</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/bar.py" line="87" />
        <source>Type PIN…</source>
        <translation>输入 PIN…</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/bar.py" line="88" />
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>StatisticsPanel</name>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="72" />
        <source>Save the shift report</source>
        <translation>保存班次报告</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="73" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="127" />
        <source>Per packer over the period</source>
        <translation>按打包员统计（所选期间）</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="130" />
        <location filename="../../app/ui/people/statistics.py" line="139" />
        <source>Postings</source>
        <translation>货件</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="130" />
        <location filename="../../app/ui/people/statistics.py" line="139" />
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="130" />
        <location filename="../../app/ui/people/statistics.py" line="140" />
        <source>Mistakes caught</source>
        <translation>拦截的差错</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="131" />
        <location filename="../../app/ui/people/statistics.py" line="140" />
        <source>Overrides</source>
        <translation>例外</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="134" />
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="135" />
        <source>To:</source>
        <translation>到：</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="136" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="137" />
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="139" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="139" />
        <source>Bench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="139" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="140" />
        <source>s/unit</source>
        <translation>秒/件</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="140" />
        <source>s/posting</source>
        <translation>秒/货件</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../app/ui/status.py" line="180" />
        <source>Ozon: connecting…</source>
        <translation>Ozon：连接中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="180" />
        <source>Ozon: online</source>
        <translation>Ozon：在线</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="181" />
        <source>Ozon: offline</source>
        <translation>Ozon：离线</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="181" />
        <source>Ozon: key refused</source>
        <translation>Ozon：密钥被拒绝</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="182" />
        <source>Ozon: not set up</source>
        <translation>Ozon：未设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="186" />
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="187" />
        <source>Outbox: %1 open, %2 parked</source>
        <translation>发件队列：%1 待处理，%2 搁置</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="190" />
        <source>Printer: %1</source>
        <translation>打印机：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="190" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="192" />
        <source>Scanner: %1</source>
        <translation>扫码枪：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="192" />
        <source>Scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="209" />
        <source>Camera: off</source>
        <translation>摄像头：关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="211" />
        <source>● REC</source>
        <translation>● 录像</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="213" />
        <source>⚠ Camera: %1</source>
        <translation>⚠ 摄像头：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="213" />
        <source>not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="215" />
        <source>Camera: ready</source>
        <translation>摄像头：就绪</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="216" />
        <source>Camera: starting…</source>
        <translation>摄像头：启动中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="228" />
        <source>⚠ API key expires %1</source>
        <translation>⚠ API 密钥将于 %1 过期</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="235" />
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="257" />
        <source>Scale: not set</source>
        <translation>电子秤：未设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="259" />
        <location filename="../../app/ui/status.py" line="262" />
        <source>Scale: %1</source>
        <translation>电子秤：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="263" />
        <source>Scale: %1 g</source>
        <translation>电子秤：%1 克</translation>
    </message>
</context>
<context>
    <name>TrackingPanel</name>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="121" />
        <source>Select the parcels first.</source>
        <translation>请先选择包裹。</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="181" />
        <source>Posting</source>
        <translation>货件</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="181" />
        <source>Ozon status</source>
        <translation>Ozon 状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="181" />
        <source>Substatus</source>
        <translation>子状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="182" />
        <source>In status</source>
        <translation>处于该状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="182" />
        <source>Tracking number</source>
        <translation>追踪号</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="183" />
        <source>Needs a person</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="183" />
        <source>Carrier says</source>
        <translation>承运商状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="184" />
        <source>Domestic tracking</source>
        <translation>国内物流单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="185" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="186" />
        <source>Courier on the way</source>
        <translation>快递员在途</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="187" />
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="188" />
        <source>For parcels of your own carrier: tells Ozon, then checks that Ozon shows it</source>
        <translation>适用于自有承运商的包裹：通知 Ozon，并核对 Ozon 已显示该状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="191" />
        <source>Turn buyer messages on again</source>
        <translation>重新开启买家消息</translation>
    </message>
</context>
</TS>