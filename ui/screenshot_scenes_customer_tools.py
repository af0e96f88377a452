"""Screenshot scenes of the customer tools (see ui/screenshots.py): the import wizard at its
mapping step, with a CSV file as Chinese Excel writes it (GBK) whose headers are matched
automatically, and the module's panel of tools."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from ui.dialogs.import_wizard import ImportWizard
from ui.modules import PanelContext
from ui.panels.import_export_panel import ImportExportPanel
from ui.screenshots import DEMO_FOLDER, ScreenshotContext

WIZARD_SIZE = (900, 620)
PANEL_SIZE = (900, 520)
HEADERS = ["客户名称", "客户类型", "城市", "地址", "联系人", "职务", "手机", "电子邮件", "备注"]
ROWS = [
    ["杭州西湖文化传媒有限公司", "目标客户", "杭州", "西湖区文三路 90 号", "陈晓东", "市场总监",
     "13805710001", "chen@xihu.cn", "展会认识"],
    ["北京华夏广告股份有限公司", "老客户", "北京", "朝阳区建国路 88 号", "刘芳", "总经理",
     "13901010002", "liufang@huaxia-ad.cn", ""],
    ["上海浦江会展服务有限公司", "合作伙伴", "上海", "黄浦区中山东一路 18 号", "周杰", "采购经理",
     "13601210003", "zhou@pujiang.cn", "年度合作"],
]  # fmt: skip


def _demo_file() -> Path:
    folder = DEMO_FOLDER / "import"  # removed with the demo folder at the end of the run
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "客户名单.csv"
    with path.open("w", encoding="gbk", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADERS)
        writer.writerows(ROWS)
    return path


def import_mapping(context: ScreenshotContext) -> QWidget:
    wizard = ImportWizard(PanelContext(context.login(), context.language))
    wizard.resize(*WIZARD_SIZE)
    wizard.file_page.load(_demo_file())
    wizard.show()
    wizard.next()
    return wizard


def import_export(context: ScreenshotContext) -> QWidget:
    panel = ImportExportPanel(PanelContext(context.login(), context.language))
    panel.resize(*PANEL_SIZE)
    return panel


SCENES: list[tuple[str, Callable[[ScreenshotContext], QWidget]]] = [
    ("import_mapping", import_mapping),
    ("import_export", import_export),
]
