"""Ozon's state of a return in the seller's words, in Russian, Simplified Chinese and English.

An FBS return's state is its visual status (``visual.status.sys_name`` of ``/v1/returns/list``: every
one Ozon's Seller API reference names, with its Russian words there). An rFBS return's own state
Ozon names in Russian only (``state.state_name`` of ``/v2/returns/rfbs/list``); its group
(``state.group_state``) is the documented code, so an English or Chinese reader gets the group's
words. A Russian reader gets Ozon's own name as it came; a state with no words here yet is shown in
Ozon's words too.
"""
from __future__ import annotations

from collections.abc import Mapping

from app.messages.words import lookup, table

FBS_RETURN_STATES: dict[str, dict[str, str]] = table("return_fbs_", {
    "DisputeOpened": ("dispute with the buyer open", "открыт спор с покупателем", "与买家的争议已开启"),
    "OnSellerApproval": ("awaiting the seller's approval", "на согласовании у продавца", "待卖家确认"),
    "ArrivedAtReturnPlace": ("at the pick-up point", "в пункте выдачи", "已到自提点"),
    "OnSellerClarification": ("awaiting the seller's clarification", "на уточнении у продавца", "待卖家说明"),
    "OnSellerClarificationAfterPartialCompensation": (
        "awaiting the seller's clarification after partial compensation",
        "на уточнении у продавца после частичной компенсации", "部分补偿后待卖家说明"),
    "OfferedPartialCompensation": ("partial compensation offered", "предложена частичная компенсация", "已提出部分补偿"),
    "ReturnMoneyApproved": ("refund approved", "одобрен возврат денег", "退款已批准"),
    "PartialCompensationReturned": ("part of the money refunded", "вернули часть денег", "已退还部分款项"),
    "CancelledDisputeNotOpen": ("return rejected, no dispute opened", "возврат отклонён, спор не открыт",
                                "退货被拒，未发起争议"),
    "Rejected": ("request rejected", "заявка отклонена", "申请被拒绝"),
    "CrmRejected": ("request rejected by Ozon", "заявка отклонена Ozon", "申请被 Ozon 拒绝"),
    "Cancelled": ("request cancelled", "заявка отменена", "申请已取消"),
    "Approved": ("request approved by the seller", "заявка одобрена продавцом", "卖家已批准申请"),
    "ApprovedByOzon": ("request approved by Ozon", "заявка одобрена Ozon", "Ozon 已批准申请"),
    "ReceivedBySeller": ("received by the seller", "продавец получил возврат", "卖家已收到退货"),
    "MovingToSeller": ("on the way to the seller", "возврат на пути к продавцу", "正在退回卖家"),
    "ReturnCompensated": ("seller compensated", "продавец получил компенсацию", "卖家已获补偿"),
    "ReturningToSellerByCourier": ("a courier is bringing it to the seller", "курьер везёт возврат продавцу",
                                   "快递员正在送回卖家"),
    "Utilizing": ("being disposed of", "на утилизации", "销毁中"),
    "Utilized": ("disposed of", "утилизирован", "已销毁"),
    "MoneyReturned": ("buyer refunded in full", "покупателю вернули всю сумму", "已向买家全额退款"),
    "PartialCompensationInProcess": ("partial refund approved", "одобрен частичный возврат денег", "部分退款已批准"),
    "DisputeYouOpened": ("dispute opened by the seller", "продавец открыл спор", "卖家已发起争议"),
    "CompensationRejected": ("compensation refused", "отказано в компенсации", "补偿被拒绝"),
    "DisputeOpening": ("request sent to support", "обращение в поддержку отправлено", "已向客服提交申诉"),
    "CompensationOffered": ("awaiting your decision on compensation", "ожидает вашего решения по компенсации",
                            "等待您对补偿作出决定"),
    "WaitingCompensation": ("awaiting compensation", "ожидает компенсации", "等待补偿"),
    "SendingError": ("the request to support was not sent", "ошибка при отправке обращения в поддержку",
                     "申诉提交失败"),
    "CompensationRejectedBySla": ("decision deadline passed", "истёк срок решения", "决定期限已过"),
    "CompensationRejectedBySeller": ("compensation declined by the seller", "продавец отказался от компенсации",
                                     "卖家拒绝了补偿"),
    "MovingToOzon": ("on the way to Ozon's warehouse", "едет на склад Ozon", "正在运往 Ozon 仓库"),
    "ReturnedToOzon": ("at Ozon's warehouse", "на складе Ozon", "已到 Ozon 仓库"),
    "MoneyReturnedBySystem": ("quick refund", "быстрый возврат", "快速退款"),
    "WaitingShipment": ("awaiting dispatch", "ожидает отправки", "等待发出"),
})
# by the group in lower case: Ozon writes ``New`` in its filter, and its answers are not held to a case
RFBS_RETURN_GROUPS: dict[str, dict[str, str]] = table("return_rfbs_", {
    "new": ("new request", "новая заявка", "新申请"),
    "delivering": ("on the way", "в пути", "运输中"),
    "checkout": ("being checked", "на проверке", "检查中"),
    "arbitration": ("disputed", "спорная", "争议中"),
    "approved": ("agreed", "согласована", "已同意"),
    "rejected": ("rejected", "отклонена", "已拒绝"),
})


def ozon_return_state(fields: Mapping[str, str], lang: str) -> str:
    """A return's state on Ozon in ``lang``, from its ``fields`` as the returns' listings carry them:
    ``scheme`` "fbs" or "rfbs", Ozon's ``state`` (FBS: the visual status), the rFBS ``group_state``
    ("" when not known) and Ozon's Russian ``state_name``."""
    state, state_name = fields["state"], fields["state_name"]
    if lang == "ru" and state_name:
        return state_name
    fallback = state_name or state
    if fields["scheme"] == "fbs":
        return lookup(FBS_RETURN_STATES, f"return_fbs_{state}", fallback, lang)
    return lookup(RFBS_RETURN_GROUPS, f"return_rfbs_{fields['group_state'].casefold()}", fallback, lang)
