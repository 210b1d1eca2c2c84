#!/usr/bin/env python3
"""Writes the published-style lists of tests/fixtures/published/ and what each must load to.

Run from the project root:

    python3 scripts/make-published-fixtures.py

Each fixture is a table shaped the way provinces, cities and counties publish their 招商项目表 /
机会清单 (title and unit rows above the header, two-row headers from merged cells, group headings,
totals and notes, merged blanks, split place columns, combined contact cells, units only in a
header, a note or nowhere), saved the way officials' tools save them (CSV in UTF-8, UTF-8 with BOM,
GBK or Big5, Excel's UTF-16 "Unicode text", a range pasted from a sheet, portal JSON inside an API
envelope, .xlsx and .ods workbooks). Beside each, `<file>.expect.json` states what loading it must
give, written out by hand below (not computed by the loader): the projects in order with their
names, amounts in yuan, places (as the full zh-Hans path), sectors and contacts; the rejected rows;
and how the table must be read (header rows, units and where they come from, group headings, rows
skipped). tests/published.rs checks every fixture against its expectations field by field.

Everything is fictional: the projects are invented, the places are real, the phone numbers are
area codes followed by 8888xxxx-style numbers or 1380000xxxx, no real company is named. The output
is deterministic (no clock, no randomness). Python 3.11 standard library only; the workbooks are
written as zip archives of XML by hand (see write_xlsx / write_ods).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "published"

YI = 100_000_000
WAN = 10_000


def csv_text(rows: list[list[str]], delimiter: str = ",", newline: str = "\n") -> str:
    """Rows as Excel writes them: every row padded to the widest, minimal quoting."""
    width = max(len(r) for r in rows)
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
    for r in rows:
        w.writerow(list(r) + [""] * (width - len(r)))
    return buf.getvalue()


def p(row, name, investment, region, **more):
    """One expected project: row number as the sheet shows it, name, investment in yuan (an int,
    [min, max] for a range, None for not published), the place as its full zh-Hans path."""
    d = {"row": row, "name": name, "investment": investment, "region": region}
    d.update(more)
    return d


FIXTURES: list[dict] = []


def fixture(file: str, what: str, data, expect: dict, encoding: str = "utf-8", bom: bool = False):
    FIXTURES.append({"file": file, "what": what, "data": data, "expect": expect, "encoding": encoding, "bom": bom})


# ---- 1. title rows, a unit in a cell above the header, amounts in 万元 with approximate forms --------
fixture(
    "title-and-unit-rows.csv",
    "附件2, a title with 项目 in it, 填报单位（盖章） and 金额单位：万元 above the header; 约 / 左右 / "
    "a range / 待定 / — / 暂无 / / in the amount columns; a bare 东部新区 in a Chengdu list",
    csv_text([
        ["附件2"],
        ["2024年成都市重点招商引资项目表"],
        ["填报单位：成都市投资促进中心（盖章）", "", "", "", "", "", "", "金额单位：万元"],
        ["序号", "项目名称", "项目类别", "建设地点", "建设内容及规模", "计划总投资", "拟引资", "合作方式", "联系人", "联系电话"],
        ["1", "成都新能源汽车动力电池配套产业园项目", "新能源汽车", "双流区", "建设动力电池电芯及模组生产线", "500000", "300000", "合资", "李明", "028-88880101"],
        ["2", "龙泉驿智能网联汽车测试基地项目", "智能网联汽车", "龙泉驿区", "建设封闭测试场、V2X路侧设施", "约120000", "80000", "合作", "王芳", "028-88880102"],
        ["3", "简阳临空物流园项目", "现代物流", "简阳市", "建设冷链仓储和分拨中心", "80000左右", "待定", "独资、合资", "", "028-88880103"],
        ["4", "郫都区川菜调味品产业园二期", "食品饮料", "郫都区", "", "30000-50000", "—", "合资", "赵强", ""],
        ["5", "新津天府农博园数字农业项目", "现代农业", "新津区", "建设智慧温室", "暂无", "/", "PPP", "孙丽", "028-88880105"],
        ["6", "东部新区航空配套产业园", "航空航天", "东部新区", "建设航空零部件加工厂房", "200000", "150000", "合资", "周伟", "028-88880106"],
    ]),
    {
        "projects": [
            p(5, "成都新能源汽车动力电池配套产业园项目", 50 * YI, "四川省成都市双流区", seeking=30 * YI, sector="新能源汽车",
              contact_name="李明", contact_phone="028-88880101", id="1"),
            p(6, "龙泉驿智能网联汽车测试基地项目", 12 * YI, "四川省成都市龙泉驿区", seeking=8 * YI, contact_name="王芳"),
            p(7, "简阳临空物流园项目", 8 * YI, "四川省成都市简阳市", seeking=None, contact_name=None, contact_phone="028-88880103"),
            p(8, "郫都区川菜调味品产业园二期", [3 * YI, 5 * YI], "四川省成都市郫都区", seeking=None, contact_phone=None),
            p(9, "新津天府农博园数字农业项目", None, "四川省成都市新津区", seeking=None),
            p(10, "东部新区航空配套产业园", 20 * YI, "四川省成都市成都东部新区", seeking=15 * YI),
        ],
        "rejected": [],
        "reading": {"kind": "csv", "header_rows": [4], "above_header": [1, 2, 3],
                    "units": {"计划总投资": [WAN, "unit_row"], "拟引资": [WAN, "unit_row"]}, "sequence_as_id": True},
    },
)

# ---- 2. a two-row header from merged cells; the unit only in the second row ---------------------------
fixture(
    "two-row-header.csv",
    "投资规模 over 总投资（万元）/ 拟引资（万元）, 联系方式 over 联系人 / 联系电话, exported from merged "
    "cells (blanks where the merge was); bare district names of Wuhu; one place nobody knows",
    csv_text([
        ["2024年芜湖市招商引资项目清单"],
        ["序号", "项目名称", "所属产业", "所属区（市）县", "投资规模", "", "联系方式", ""],
        ["", "", "", "", "总投资（万元）", "拟引资（万元）", "联系人", "联系电话"],
        ["1", "芜湖航空发动机零部件产业园项目", "航空航天", "湾沚区航空产业园", "150000", "100000", "陈刚", "0553-58810201"],
        ["2", "鸠江区新能源汽车电驱系统项目", "新能源汽车", "鸠江区", "200000", "120000", "刘洋", "0553-58810202"],
        ["3", "弋江区机器人减速器项目", "机器人", "弋江区", "60000", "60000", "吴静", "0553-58810203"],
        ["4", "繁昌区光伏组件项目", "光伏", "繁昌区", "80000", "", "郑涛", "0553-58810204"],
        ["5", "三山经开区储能电池项目", "储能", "三山经开区", "100000", "50000", "黄磊", "0553-58810205"],
        ["6", "某某开发区示范项目", "装备制造", "某某开发区", "10000", "", "", ""],
    ]),
    {
        "projects": [
            p(4, "芜湖航空发动机零部件产业园项目", 15 * YI, "安徽省芜湖市湾沚区", seeking=10 * YI, park="航空产业园",
              contact_name="陈刚", contact_phone="0553-58810201", sector="航空航天"),
            p(5, "鸠江区新能源汽车电驱系统项目", 20 * YI, "安徽省芜湖市鸠江区", seeking=12 * YI, contact_name="刘洋"),
            p(6, "弋江区机器人减速器项目", 6 * YI, "安徽省芜湖市弋江区", seeking=6 * YI),
            p(7, "繁昌区光伏组件项目", 8 * YI, "安徽省芜湖市繁昌区", seeking=None, contact_phone="0553-58810204"),
            p(8, "三山经开区储能电池项目", 10 * YI, "安徽省芜湖市安徽芜湖三山经济开发区", seeking=5 * YI),
        ],
        "rejected": [{"row": 9, "field": "region"}],
        "reading": {"kind": "csv", "header_rows": [2, 3],
                    "units": {"总投资": [WAN, "sub_header"], "拟引资": [WAN, "sub_header"]}, "sequence_as_id": True},
    },
)

# ---- 3. group headings, 序号 restarting, 小计 / 合计, the unit only in a note, an empty row, a footer ----
fixture(
    "groups-totals-notes.csv",
    "group headings 一、…（3个） / （二）… / 三、…（1个） giving the sector, 序号 restarting in each group, "
    "小计 and 合计 rows, an empty row, the unit only in 注：1.表中投资额单位为万元, a 填报人 footer; Ningbo "
    "places 杭州湾新区 and 梅山保税港区",
    csv_text([
        ["宁波市2024年重点产业招商项目表"],
        ["序号", "项目名称", "建设地点", "总投资", "拟引资额", "项目概况", "责任单位"],
        ["一、智能网联及新能源汽车（3个）"],
        ["1", "杭州湾新区智能座舱电子项目", "杭州湾新区", "150000", "100000", "建设智能座舱域控制器生产线", "宁波杭州湾新区管委会"],
        ["2", "北仑区一体化压铸车身项目", "北仑区", "200000", "150000", "建设大型一体化压铸生产线", "北仑区投资促进中心"],
        ["3", "余姚市车规级芯片封测项目", "余姚市", "120000", "80000", "建设车规级芯片封装测试线", "余姚市商务局"],
        ["小计", "", "", "470000", "330000"],
        ["（二）数字经济"],
        ["1", "鄞州区工业互联网平台项目", "鄞州区", "30000", "20000", "建设工业互联网平台", "鄞州区经信局"],
        ["2", "梅山保税港区跨境数据服务中心", "梅山保税港区", "50000", "50000", "建设跨境数据服务设施", "梅山保税港区管委会"],
        [""],
        ["三、绿色石化（1个）"],
        ["1", "宁海县新材料产业园项目", "宁海县", "800000", "500000", "建设高性能新材料项目", "宁海县投资促进中心"],
        ["合计", "", "", "1350000", "900000"],
        ["注：1.表中投资额单位为万元；2.项目排名不分先后。"],
        ["填报人：张三  联系电话：0574-88880000"],
    ]),
    {
        "projects": [
            p(4, "杭州湾新区智能座舱电子项目", 15 * YI, "浙江省宁波市宁波前湾新区", seeking=10 * YI, sector="智能网联及新能源汽车",
              contact_org="宁波杭州湾新区管委会", id="row-4"),
            p(5, "北仑区一体化压铸车身项目", 20 * YI, "浙江省宁波市北仑区", seeking=15 * YI, sector="智能网联及新能源汽车"),
            p(6, "余姚市车规级芯片封测项目", 12 * YI, "浙江省宁波市余姚市", seeking=8 * YI, sector="智能网联及新能源汽车"),
            p(9, "鄞州区工业互联网平台项目", 3 * YI, "浙江省宁波市鄞州区", seeking=2 * YI, sector="数字经济", id="row-9"),
            p(10, "梅山保税港区跨境数据服务中心", 5 * YI, "浙江省宁波市宁波梅山综合保税区", seeking=5 * YI, sector="数字经济"),
            p(13, "宁海县新材料产业园项目", 80 * YI, "浙江省宁波市宁海县", seeking=50 * YI, sector="绿色石化"),
        ],
        "rejected": [],
        "reading": {"kind": "csv", "header_rows": [2], "units": {"总投资": [WAN, "note"], "拟引资额": [WAN, "note"]},
                    "groups": [[3, "智能网联及新能源汽车"], [8, "数字经济"], [12, "绿色石化"]],
                    "skipped": {"total": [7, 14], "empty": [11], "note": [15], "footer": [16]}, "sequence_as_id": False},
    },
)

# ---- 4. merged blanks: district and sector written once for a block; combined contacts ---------------
fixture(
    "merged-blanks.csv",
    "所属区（市）县 and 产业类别 written once for a block of rows (a merged cell saved as CSV leaves blanks), "
    "amounts under 总投资（亿元）, combined 联系人及电话 cells in three forms",
    csv_text([
        ["序号", "所属区（市）县", "产业类别", "项目名称", "总投资（亿元）", "拟引资额（亿元）", "联系人及电话"],
        ["1", "青白江区", "现代物流", "青白江国际铁路港多式联运项目", "30", "20", "王磊 028-88880301"],
        ["2", "", "", "青白江冷链物流枢纽项目", "12", "8", "王磊 028-88880301"],
        ["3", "", "先进材料", "青白江新材料产业园项目", "15", "10", "联系人:高辉 联系电话:028-88880302"],
        ["4", "温江区", "生物医药", "温江医学城创新药产业化项目", "25", "15", "张敏 13800000001"],
        ["5", "", "", "温江区医疗器械产业园项目", "8", "5", "张敏，13800000001"],
        ["6", "", "", "温江区中药现代化项目", "6", "6", ""],
        ["7", "金堂县", "节能环保", "金堂县氢能装备产业园项目", "40", "20", "李娜 028-88880303"],
    ]),
    {
        "projects": [
            p(2, "青白江国际铁路港多式联运项目", 30 * YI, "四川省成都市青白江区", seeking=20 * YI, sector="现代物流",
              contact_name="王磊", contact_phone="028-88880301"),
            p(3, "青白江冷链物流枢纽项目", 12 * YI, "四川省成都市青白江区", seeking=8 * YI, sector="现代物流"),
            p(4, "青白江新材料产业园项目", 15 * YI, "四川省成都市青白江区", seeking=10 * YI, sector="先进材料",
              contact_name="高辉", contact_phone="028-88880302"),
            p(5, "温江医学城创新药产业化项目", 25 * YI, "四川省成都市温江区", sector="生物医药", contact_name="张敏",
              contact_phone="13800000001"),
            p(6, "温江区医疗器械产业园项目", 8 * YI, "四川省成都市温江区", sector="生物医药", contact_name="张敏",
              contact_phone="13800000001"),
            p(7, "温江区中药现代化项目", 6 * YI, "四川省成都市温江区", sector="生物医药", contact_name=None, contact_phone=None),
            p(8, "金堂县氢能装备产业园项目", 40 * YI, "四川省成都市金堂县", sector="节能环保", contact_name="李娜"),
        ],
        "rejected": [],
        "reading": {"kind": "csv", "header_rows": [1], "units": {"总投资": [YI, "header"], "拟引资额": [YI, "header"]},
                    "filled": {"所属区（市）县": [3, 4, 6, 7], "产业类别": [3, 6, 7]}},
    },
)

# ---- 5. the place split over 省 / 市（州） / 县（市、区）; 投资估算（亿元） with ranges ---------------------
fixture(
    "split-place.csv",
    "省份 + 市（州） + 县（市、区） joined into one place (高新区 under 绵阳市 is 绵阳高新区); 投资估算（亿元） "
    "holding 5-8, 1-2亿, 约30, 3亿左右, 2.5, 0.8",
    csv_text([
        ["项目名称", "省份", "市（州）", "县（市、区）", "所属产业", "投资估算（亿元）", "合作方式"],
        ["绵阳电子信息产业园柔性显示项目", "四川省", "绵阳市", "涪城区", "电子信息", "5-8", "合资"],
        ["德阳高端装备制造产业园项目", "四川省", "德阳市", "旌阳区", "装备制造", "1-2亿", "独资"],
        ["宜宾锂电池正极材料项目", "四川省", "宜宾市", "叙州区", "新能源", "约30", "合资"],
        ["南充现代纺织服装产业园项目", "四川省", "南充市", "顺庆区", "轻纺", "3亿左右", "合作"],
        ["泸州白酒包装材料配套项目", "四川省", "泸州市", "龙马潭区", "食品饮料", "2.5", "独资"],
        ["绵阳高新区激光器件项目", "四川省", "绵阳市", "高新区", "电子信息", "0.8", "合资"],
    ]),
    {
        "projects": [
            p(2, "绵阳电子信息产业园柔性显示项目", [5 * YI, 8 * YI], "四川省绵阳市涪城区", sector="电子信息"),
            p(3, "德阳高端装备制造产业园项目", [1 * YI, 2 * YI], "四川省德阳市旌阳区"),
            p(4, "宜宾锂电池正极材料项目", 30 * YI, "四川省宜宾市叙州区"),
            p(5, "南充现代纺织服装产业园项目", 3 * YI, "四川省南充市顺庆区"),
            p(6, "泸州白酒包装材料配套项目", 250_000_000, "四川省泸州市龙马潭区"),
            p(7, "绵阳高新区激光器件项目", 80_000_000, "四川省绵阳市绵阳高新区"),
        ],
        "rejected": [],
        "reading": {"kind": "csv", "header_rows": [1], "units": {"投资估算": [YI, "header"]}},
    },
)

# ---- 6. combined contact cells -------------------------------------------------------------------------
fixture(
    "combined-contacts.csv",
    "one 联系人及电话 column in five forms (name and phone with a space, labelled 联系人:…联系电话:…, a "
    "full-width comma, a bracketed area code, a slash with an e-mail); 铁西区 settled by the list's city",
    csv_text([
        ["项目名称", "行业", "建设地点", "总投资", "联系人及电话"],
        ["浑南区集成电路装备零部件项目", "集成电路", "沈阳市浑南区", "10亿元", "王磊 024-86890101"],
        ["沈北新区航空零部件产业园项目", "航空航天", "沈阳市沈北新区", "8亿元", "联系人:高辉 联系电话:024-86896265"],
        ["铁西区工业机器人集成应用项目", "机器人", "铁西区", "5亿元", "张敏，13800000002"],
        ["于洪区冷链食品加工项目", "食品加工", "沈阳市于洪区", "3亿元", "刘洋（024）86890104"],
        ["大东区汽车零部件再制造项目", "汽车零部件", "沈阳市大东区", "6亿元", "赵强/024-86890105/zhaoqiang@example.cn"],
    ]),
    {
        "projects": [
            p(2, "浑南区集成电路装备零部件项目", 10 * YI, "辽宁省沈阳市浑南区", contact_name="王磊", contact_phone="024-86890101"),
            p(3, "沈北新区航空零部件产业园项目", 8 * YI, "辽宁省沈阳市沈北新区", contact_name="高辉", contact_phone="024-86896265"),
            p(4, "铁西区工业机器人集成应用项目", 5 * YI, "辽宁省沈阳市铁西区", contact_name="张敏", contact_phone="13800000002"),
            p(5, "于洪区冷链食品加工项目", 3 * YI, "辽宁省沈阳市于洪区", contact_name="刘洋", contact_phone="（024）86890104"),
            p(6, "大东区汽车零部件再制造项目", 6 * YI, "辽宁省沈阳市大东区", contact_name="赵强", contact_phone="024-86890105",
              contact_email="zhaoqiang@example.cn"),
        ],
        "rejected": [],
        "reading": {"kind": "csv", "header_rows": [1]},
    },
)

# ---- 7. 投资规模（亿元）, 项目类别, 项目概况 -------------------------------------------------------------
fixture(
    "yi-header.csv",
    "the unit in the header as 投资规模（亿元） with bare figures and decimals; 项目类别 and 项目概况 as sector and "
    "description; Chongqing places",
    csv_text([
        ["项目名称", "项目类别", "建设地点", "投资规模（亿元）", "项目概况", "项目阶段"],
        ["两江新区智能网联汽车零部件项目", "汽车", "两江新区", "50", "建设智能网联汽车核心零部件生产基地", "在谈"],
        ["璧山区新能源电池回收项目", "新能源", "璧山区", "12.5", "建设动力电池回收利用生产线", "前期"],
        ["永川区数控机床产业园项目", "装备制造", "永川区", "8", "建设数控机床整机及功能部件产业园", "策划"],
        ["涪陵区榨菜精深加工项目", "食品", "涪陵区", "3.6", "建设榨菜精深加工及冷链仓储设施", "前期"],
    ]),
    {
        "projects": [
            p(2, "两江新区智能网联汽车零部件项目", 50 * YI, "重庆市两江新区", sector="汽车", stage="在谈",
              description="建设智能网联汽车核心零部件生产基地"),
            p(3, "璧山区新能源电池回收项目", 1_250_000_000, "重庆市璧山区"),
            p(4, "永川区数控机床产业园项目", 8 * YI, "重庆市永川区"),
            p(5, "涪陵区榨菜精深加工项目", 360_000_000, "重庆市涪陵区"),
        ],
        "rejected": [],
        "reading": {"kind": "csv", "header_rows": [1], "units": {"投资规模": [YI, "header"]}},
    },
)

# ---- 8. no unit anywhere: the magnitudes decide, loudly ------------------------------------------------
fixture(
    "no-unit-anywhere.csv",
    "总投资 and 拟引资额 as bare figures with no unit in the header, above or below the table: figures like "
    "50000 are 万元 (5亿), with a warning naming the columns and the assumption",
    csv_text([
        ["项目名称", "所属行业", "项目地点", "总投资", "拟引资额"],
        ["长沙县工程机械再制造产业园项目", "装备制造", "长沙市长沙县", "50000", "30000"],
        ["浏阳市生物医药中试基地项目", "生物医药", "长沙市浏阳市", "120000", "60000"],
        ["雨花区智能制造创新中心项目", "智能制造", "长沙市雨花区", "8000", "8000"],
        ["岳麓区人工智能算力中心项目", "人工智能", "长沙市岳麓区", "300000", "200000"],
        ["望城区食品精深加工项目", "食品饮料", "长沙市望城区", "25000", ""],
    ]),
    {
        "projects": [
            p(2, "长沙县工程机械再制造产业园项目", 5 * YI, "湖南省长沙市长沙县", seeking=3 * YI),
            p(3, "浏阳市生物医药中试基地项目", 12 * YI, "湖南省长沙市浏阳市", seeking=6 * YI),
            p(4, "雨花区智能制造创新中心项目", 80_000_000, "湖南省长沙市雨花区", seeking=80_000_000),
            p(5, "岳麓区人工智能算力中心项目", 30 * YI, "湖南省长沙市岳麓区", seeking=20 * YI),
            p(6, "望城区食品精深加工项目", 250_000_000, "湖南省长沙市望城区", seeking=None),
        ],
        "rejected": [],
        "reading": {"kind": "csv", "header_rows": [1], "units": {"总投资": [WAN, "magnitudes"], "拟引资额": [WAN, "magnitudes"]}},
        "warnings": ["UNIT ASSUMED: column \"总投资\"", "UNIT ASSUMED: column \"拟引资额\""],
    },
)

# ---- 9. GBK CSV from Excel on Chinese Windows ----------------------------------------------------------
fixture(
    "excel-gbk.csv",
    "Excel's CSV on Chinese Windows (GBK, CRLF): a title, 单位：亿元 in a row of its own, 东湖高新区 and bare "
    "district names of Wuhan",
    csv_text([
        ["武汉市2024年招商引资重点项目"],
        ["单位：亿元"],
        ["项目编号", "项目名称", "产业类别", "项目地点", "总投资", "拟引资额", "联系单位"],
        ["WH-01", "东湖高新区光电子器件产业化项目", "光电子信息", "东湖高新区", "45", "30", "东湖高新区招商局"],
        ["WH-02", "江夏区新能源汽车零部件产业园项目", "汽车零部件", "江夏区", "20", "12", "江夏区投资促进局"],
        ["WH-03", "蔡甸区智能家电配套项目", "智能家电", "蔡甸区", "8", "8", "蔡甸区招商服务中心"],
        ["WH-04", "黄陂区临空经济物流园项目", "现代物流", "黄陂区", "15", "", "黄陂区投资促进局"],
    ], newline="\r\n"),
    {
        "projects": [
            p(4, "东湖高新区光电子器件产业化项目", 45 * YI, "湖北省武汉市东湖新技术开发区", seeking=30 * YI, id="WH-01",
              contact_org="东湖高新区招商局"),
            p(5, "江夏区新能源汽车零部件产业园项目", 20 * YI, "湖北省武汉市江夏区", seeking=12 * YI, id="WH-02"),
            p(6, "蔡甸区智能家电配套项目", 8 * YI, "湖北省武汉市蔡甸区", seeking=8 * YI),
            p(7, "黄陂区临空经济物流园项目", 15 * YI, "湖北省武汉市黄陂区", seeking=None),
        ],
        "rejected": [],
        "reading": {"kind": "csv", "encoding": "gb18030", "header_rows": [3], "units": {"总投资": [YI, "unit_row"]}},
    },
    encoding="gbk",
)

# ---- 10. UTF-8 with BOM, CRLF, a total row and an empty row inside ---------------------------------------
fixture(
    "utf8-bom.csv",
    "UTF-8 with BOM and CRLF (Excel's \"CSV UTF-8\"), 序号 used as the id (it never repeats), a 合计 row and an "
    "empty row; Guangdong places with zones (松山湖, 仲恺高新区)",
    csv_text([
        ["序号", "项目名称", "所属行业", "项目地点", "总投资（万元）", "拟引资额（万元）", "项目进展"],
        ["1", "顺德区智能家电产业链配套项目", "智能家电", "佛山市顺德区", "150000", "100000", "在谈"],
        ["2", "黄埔区生物医药创新园项目", "生物医药", "广州市黄埔区", "300000", "200000", "前期"],
        [""],
        ["3", "松山湖新型储能研发制造项目", "新型储能", "东莞松山湖", "80000", "80000", "策划"],
        ["4", "蓬江区五金卫浴智能化改造项目", "五金卫浴", "江门市蓬江区", "20000", "10000", "前期"],
        ["5", "仲恺高新区超高清显示模组项目", "超高清显示", "惠州仲恺高新区", "120000", "60000", "在谈"],
        ["合计", "", "", "", "670000", "450000"],
    ], newline="\r\n"),
    {
        "projects": [
            p(2, "顺德区智能家电产业链配套项目", 15 * YI, "广东省佛山市顺德区", seeking=10 * YI, id="1"),
            p(3, "黄埔区生物医药创新园项目", 30 * YI, "广东省广州市黄埔区", seeking=20 * YI, id="2"),
            p(5, "松山湖新型储能研发制造项目", 8 * YI, "广东省东莞市松山湖高新区", seeking=8 * YI, id="3"),
            p(6, "蓬江区五金卫浴智能化改造项目", 2 * YI, "广东省江门市蓬江区", seeking=1 * YI),
            p(7, "仲恺高新区超高清显示模组项目", 12 * YI, "广东省惠州市仲恺高新区", seeking=6 * YI),
        ],
        "rejected": [],
        "reading": {"kind": "csv", "encoding": "utf8", "header_rows": [1], "units": {"总投资": [WAN, "header"]},
                    "skipped": {"total": [8], "empty": [4]}, "sequence_as_id": True},
    },
    bom=True,
)

# ---- 11. Excel "Unicode text": UTF-16LE with BOM, tabs, CRLF; a header cell with a line break ---------
fixture(
    "unicode-text.txt",
    "Excel's \"Unicode text\" (UTF-16LE with BOM, tab-separated, CRLF), a title row, header cells with line "
    "breaks inside (\"总投资\\n（万元）\"), Jiangsu places",
    csv_text([
        ["江苏省2024年先进制造业招商项目"],
        ["项目名称", "产业领域", "建设地点", "总投资\n（万元）", "拟引资\n（万元）", "建设内容\n及规模"],
        ["苏州工业园区纳米材料中试平台项目", "纳米新材料", "苏州工业园区", "60000", "30000", "建设纳米材料中试线"],
        ["无锡新吴区物联网传感器项目", "物联网", "无锡市新吴区", "90000", "50000", "建设MEMS传感器产线"],
        ["江北新区集成电路设计产业园项目", "集成电路", "南京江北新区", "200000", "100000", "建设集成电路设计孵化载体"],
        ["武进区光伏储能装备项目", "新能源装备", "常州市武进区", "150000", "150000", "建设光伏储能装备生产基地"],
    ], delimiter="\t", newline="\r\n"),
    {
        "projects": [
            p(3, "苏州工业园区纳米材料中试平台项目", 6 * YI, "江苏省苏州市苏州工业园区", seeking=3 * YI, description="建设纳米材料中试线"),
            p(4, "无锡新吴区物联网传感器项目", 9 * YI, "江苏省无锡市新吴区", seeking=5 * YI),
            p(5, "江北新区集成电路设计产业园项目", 20 * YI, "江苏省南京市江北新区", seeking=10 * YI),
            p(6, "武进区光伏储能装备项目", 15 * YI, "江苏省常州市武进区", seeking=15 * YI),
        ],
        "rejected": [],
        "reading": {"kind": "tsv", "encoding": "utf16", "header_rows": [2],
                    "units": {"总投资": [WAN, "header"], "拟引资": [WAN, "header"]}},
    },
    encoding="utf-16-le",
    bom=True,
)

# ---- 12. Big5 from Taiwan Windows ---------------------------------------------------------------------
fixture(
    "big5.csv",
    "a Traditional-script list saved in Big5 (a Taiwan-facing list of Fujian projects): 項目名稱, 總投資（億元）, "
    "聯絡人, 聯絡電話, places in Traditional script",
    csv_text([
        ["項目名稱", "產業類別", "建設地點", "總投資（億元）", "聯絡人", "聯絡電話"],
        ["廈門海滄生物醫藥港擴建項目", "生物醫藥", "廈門市海滄區", "20", "林志明", "0592-88880601"],
        ["福州馬尾物聯網產業基地項目", "物聯網", "福州市馬尾區", "15", "陳美玲", "0591-88880602"],
        ["漳州龍海食品冷鏈物流園項目", "食品", "漳州市龍海區", "6", "黃建國", "0596-88880603"],
        ["晉江鞋服智能製造升級項目", "紡織鞋服", "泉州市晉江市", "10", "吳淑芬", "0595-88880604"],
        ["平潭對台跨境電商產業園項目", "跨境電商", "平潭綜合實驗區", "8", "蔡文華", "0591-88880605"],
    ]),
    {
        "projects": [
            p(2, "廈門海滄生物醫藥港擴建項目", 20 * YI, "福建省厦门市海沧区", contact_name="林志明", contact_phone="0592-88880601",
              sector="生物醫藥"),
            p(3, "福州馬尾物聯網產業基地項目", 15 * YI, "福建省福州市马尾区"),
            p(4, "漳州龍海食品冷鏈物流園項目", 6 * YI, "福建省漳州市龙海区"),
            p(5, "晉江鞋服智能製造升級項目", 10 * YI, "福建省泉州市晋江市"),
            p(6, "平潭對台跨境電商產業園項目", 8 * YI, "福建省福州市平潭县"),
        ],
        "rejected": [],
        "reading": {"kind": "csv", "encoding": "big5", "header_rows": [1], "units": {"總投資": [YI, "header"]}},
    },
    encoding="big5",
)

# ---- 13. a range pasted from a sheet into a text file ---------------------------------------------------
fixture(
    "pasted-from-excel.tsv",
    "cells copied from a sheet and pasted into a text file: tabs, a title line, a quoted cell with a line break, "
    "总投资(亿元) with ASCII brackets, 西安高新区 (a zone the gazetteer keeps as the city plus a park named with it)",
    csv_text([
        ["陕西省2024年重点招商项目"],
        ["项目名称", "行业", "建设地点", "总投资(亿元)", "项目简介", "联系人", "联系电话"],
        ["西安高新区半导体封测项目", "集成电路", "西安高新区", "35", "一期建设封装测试线；\n二期建设先进封装研发中心。", "杨帆", "029-88880701"],
        ["西咸新区氢能重卡产业园项目", "新能源汽车", "西咸新区", "25", "建设氢燃料电池重卡整车及零部件产业园", "马丽", "029-88880702"],
        ["宝鸡钛材精深加工项目", "新材料", "宝鸡市渭滨区", "12", "建设钛及钛合金精深加工生产线", "郭强", "0917-88880703"],
        ["咸阳秦都区中医药健康产业园项目", "生物医药", "咸阳市秦都区", "6", "建设中药饮片及大健康产品生产基地", "何静", "029-88880704"],
    ], delimiter="\t"),
    {
        "projects": [
            p(3, "西安高新区半导体封测项目", 35 * YI, "陕西省西安市", park="西安高新区",
              description="一期建设封装测试线；\n二期建设先进封装研发中心。", contact_name="杨帆"),
            p(4, "西咸新区氢能重卡产业园项目", 25 * YI, "陕西省西安市西咸新区"),
            p(5, "宝鸡钛材精深加工项目", 12 * YI, "陕西省宝鸡市渭滨区"),
            p(6, "咸阳秦都区中医药健康产业园项目", 6 * YI, "陕西省咸阳市秦都区"),
        ],
        "rejected": [],
        "reading": {"kind": "tsv", "header_rows": [2], "units": {"总投资": [YI, "header"]}},
    },
)

# ---- 14. portal JSON inside an API envelope, units in the keys ----------------------------------------
fixture(
    "portal-envelope.json",
    "a portal's API answer {\"code\":0,\"msg\":\"ok\",\"data\":{\"list\":[…]}} with Chinese keys, the unit in the "
    "key (\"总投资（万元）\": 120000), a combined 联系人及电话 and Qingdao places",
    json.dumps({
        "code": 0,
        "msg": "ok",
        "data": {
            "total": 4,
            "pageNum": 1,
            "list": [
                {"项目名称": "西海岸新区海洋生物医药产业园项目", "所属行业": "海洋生物医药", "项目地点": "青岛西海岸新区",
                 "总投资（万元）": 120000, "拟引资额（万元）": 80000, "联系人及电话": "孙海 0532-88880801"},
                {"项目名称": "即墨区纺织服装智能工厂项目", "所属行业": "纺织服装", "项目地点": "青岛市即墨区",
                 "总投资（万元）": 50000, "拟引资额（万元）": 50000, "联系人及电话": "李雪 0532-88880802"},
                {"项目名称": "城阳区轨道交通装备配套项目", "所属行业": "轨道交通装备", "项目地点": "青岛市城阳区",
                 "总投资（万元）": 200000, "拟引资额（万元）": None, "联系人及电话": "王涛 0532-88880803"},
                {"项目名称": "胶州市上合示范区冷链物流项目", "所属行业": "现代物流", "项目地点": "青岛市胶州市",
                 "总投资（万元）": "待定", "拟引资额（万元）": "", "联系人及电话": ""},
            ],
        },
    }, ensure_ascii=False, indent=2) + "\n",
    {
        "projects": [
            p(1, "西海岸新区海洋生物医药产业园项目", 12 * YI, "山东省青岛市青岛西海岸新区", seeking=8 * YI, contact_name="孙海",
              contact_phone="0532-88880801"),
            p(2, "即墨区纺织服装智能工厂项目", 5 * YI, "山东省青岛市即墨区", seeking=5 * YI),
            p(3, "城阳区轨道交通装备配套项目", 20 * YI, "山东省青岛市城阳区", seeking=None, contact_name="王涛"),
            p(4, "胶州市上合示范区冷链物流项目", None, "山东省青岛市胶州市", seeking=None, contact_name=None),
        ],
        "rejected": [],
        "reading": {"kind": "json", "json_path": "data.list", "units": {"总投资": [WAN, "json_key"], "拟引资额": [WAN, "json_key"]}},
    },
)

# ---- 15. portal JSON, nested envelope, no unit anywhere, bare county names ------------------------------
fixture(
    "portal-records.json",
    "another portal's answer {\"success\":true,\"result\":{\"data\":{\"records\":[…]}}}: keys without a unit and "
    "figures in 亿元 (decided from their size, with a warning), bare district names of Zhengzhou",
    json.dumps({
        "success": True,
        "message": "查询成功",
        "result": {
            "data": {
                "current": 1,
                "records": [
                    {"projectId": "ZZ-2024-001", "项目名称": "郑州航空港智能终端产业园项目", "产业类别": "电子信息",
                     "所属区县": "郑州航空港经济综合实验区", "投资额": 60, "招商方式": "合资"},
                    {"projectId": "ZZ-2024-002", "项目名称": "中牟县汽车零部件产业园项目", "产业类别": "汽车零部件",
                     "所属区县": "中牟县", "投资额": 12.5, "招商方式": "独资"},
                    {"projectId": "ZZ-2024-003", "项目名称": "新郑市食品冷链加工项目", "产业类别": "食品加工",
                     "所属区县": "新郑市", "投资额": 4, "招商方式": "合作"},
                    {"projectId": "ZZ-2024-004", "项目名称": "郑东新区金融科技服务中心项目", "产业类别": "金融科技",
                     "所属区县": "郑东新区", "投资额": 20, "招商方式": "合资"},
                ],
            }
        },
    }, ensure_ascii=False, indent=2) + "\n",
    {
        "projects": [
            p(1, "郑州航空港智能终端产业园项目", 60 * YI, "河南省郑州市郑州航空港经济综合实验区", sector="电子信息", id="ZZ-2024-001"),
            p(2, "中牟县汽车零部件产业园项目", 1_250_000_000, "河南省郑州市中牟县"),
            p(3, "新郑市食品冷链加工项目", 4 * YI, "河南省郑州市新郑市"),
            p(4, "郑东新区金融科技服务中心项目", 20 * YI, "河南省郑州市郑东新区"),
        ],
        "rejected": [],
        "reading": {"kind": "json", "json_path": "result.data.records", "units": {"投资额": [YI, "magnitudes"]}},
        "warnings": ["UNIT ASSUMED: column \"投资额\""],
    },
)


# ---- 16. wrapped headers, a zone named by its city's short form, modes written together -----------------
fixture(
    "wrapped-headers-joined-modes.csv",
    "附件 / title / 填报单位 rows; headers wrapped inside their cell (总投资 / （亿元）); group rows 一 / 二 with "
    "the heading in the next cell; 岳阳经开区 (a bare kind of area after the city's short form), 南湖新区 (a zone "
    "of 岳阳 the gazetteer does not know, which alone reads as 嘉兴's 南湖区); 独资或合资 / 合资、合作均可 / "
    "PPP模式; a 合计 row and a note",
    csv_text([
        ["附件1"],
        ["岳阳市2026年第一批重大招商项目汇总表"],
        ["填报单位（盖章）：岳阳市投资促进事务中心", "", "", "", "填报时间：2026年3月"],
        ["序号", "项目名称", "建设地址", "主要建设内容", "总投资\n（亿元）", "拟引进资金\n（亿元）", "合作模式", "责任单位", "联系方式"],
        ["一", "先进制造业"],
        ["1", "岳阳绿色化工高端新材料产业园项目", "岳阳经开区", "建设年产20万吨高性能工程塑料生产线", "35", "20", "独资或合资",
         "岳阳经开区管委会", "李科长\n13800000601"],
        ["2", "汨罗再生资源精深加工项目", "汨罗市循环经济产业园", "废旧金属回收拆解及再生铝精深加工", "12.5", "8", "合资、合作均可",
         "汨罗市商务局", "0730-88880602"],
        ["二", "现代服务业"],
        ["3", "南湖新区文旅综合体", "南湖新区", "酒店、商业、文化演艺", "约18", "待定", "PPP模式", "南湖新区管委会", "王女士 0730-88880603"],
        ["4", "平江抽水蓄能配套产业项目", "平江县", "储能装备制造", "8-10", "5", "合资", "平江县发改局", ""],
        ["", "合计", "", "", "73.5", "33"],
        ["注：1.投资额单位为亿元；2.项目信息以实际洽谈为准。"],
    ]),
    {
        "projects": [
            p(6, "岳阳绿色化工高端新材料产业园项目", 35 * YI, "湖南省岳阳市", seeking=20 * YI, park="岳阳经开区",
              sector="先进制造业", cooperation=["独资", "合资"], contact_name="李科长", contact_phone="13800000601"),
            p(7, "汨罗再生资源精深加工项目", 1_250_000_000, "湖南省岳阳市汨罗市", seeking=8 * YI, park="循环经济产业园",
              cooperation=["合资", "合作"]),
            p(9, "南湖新区文旅综合体", 18 * YI, "湖南省岳阳市", seeking=None, park="南湖新区", sector="现代服务业",
              cooperation=["PPP"], contact_name="王女士", contact_phone="0730-88880603"),
            p(10, "平江抽水蓄能配套产业项目", [8 * YI, 10 * YI], "湖南省岳阳市平江县", seeking=5 * YI, park=None),
        ],
        "rejected": [],
        "reading": {"kind": "csv", "header_rows": [4], "above_header": [1, 2, 3],
                    "units": {"总投资": [YI, "header"], "拟引进资金": [YI, "header"]},
                    "groups": [[5, "先进制造业"], [8, "现代服务业"]],
                    "skipped": {"total": [11], "note": [12]}, "sequence_as_id": True},
        "warnings": ["\"南湖新区\" was read as Yueyang, Hunan, where most of the list is (alone it would read as Nanhu, Jiaxing"],
    },
)


# ---- 17. an English-language list for foreign investors: units written in English in the headers -------
fixture(
    "english-units-in-headers.csv",
    "a city's list in English: Total Investment (RMB 100 million), Investment Sought (USD million) (amount "
    "sought, not a second total), Investment (10,000 yuan)-style units, TBD / n/a, a range, full-width ／ "
    "between cooperation modes, bare district names",
    csv_text([
        ["Guangzhou Investment Opportunities 2026"],
        ["No.", "Project", "Location", "Sector", "Total Investment (RMB 100 million)", "Investment Sought (USD million)",
         "Mode of Cooperation", "Contact Person", "Tel", "E-mail"],
        ["1", "Nansha Hydrogen Fuel Cell Industrial Park", "Nansha District, Guangzhou", "New energy", "25", "150",
         "Joint venture／Sole proprietorship", "Ms. Chen", "+86-20-88880701", "invest@example.org"],
        ["2", "Huangpu Biomedical Incubator", "Huangpu District", "Biomedicine", "8.5", "40", "Equity investment",
         "Mr. Li", "020-88880702", ""],
        ["3", "Panyu Smart Logistics Hub", "Panyu", "Logistics", "12", "TBD", "PPP", "Mr. Wang", "020-88880703", ""],
        ["4", "Zengcheng Ultra-HD Display Materials", "Zengcheng District", "New display", "30-35", "n/a", "合资／独资",
         "Ms. Zhou", "020-88880704", "zhou@example.org"],
    ]),
    {
        "projects": [
            p(3, "Nansha Hydrogen Fuel Cell Industrial Park", 25 * YI, "广东省广州市南沙区", seeking=1_065_000_000,
              cooperation=["Joint venture", "Sole proprietorship"], contact_name="Ms. Chen", contact_phone="+86-20-88880701",
              contact_email="invest@example.org", id="1"),
            p(4, "Huangpu Biomedical Incubator", 850_000_000, "广东省广州市黄埔区", seeking=284_000_000, cooperation=["Equity investment"]),
            p(5, "Panyu Smart Logistics Hub", 12 * YI, "广东省广州市番禺区", seeking=None),
            p(6, "Zengcheng Ultra-HD Display Materials", [30 * YI, 35 * YI], "广东省广州市增城区", seeking=None,
              cooperation=["合资", "独资"]),
        ],
        "rejected": [],
        "reading": {"kind": "csv", "header_rows": [2], "above_header": [1],
                    "units": {"Total Investment": [YI, "header"], "Investment Sought": [1e6, "header"]}},
    },
)


# ---- workbooks ------------------------------------------------------------------------------------
# A cell is a str (text), an int or float (a number), ("date", serial) for a date cell, or None.
# A sheet is (name, rows, merges, hidden) with merges as "A3:A4" references.

ZIP_DATE = (2024, 1, 1, 0, 0, 0)  # fixed time stamps: the archives are byte-for-byte reproducible


def col_name(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def zip_bytes(entries: list[tuple[str, bytes]], stored_first: bool = False) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for i, (name, data) in enumerate(entries):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_STORED if (stored_first and i == 0) else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    return buf.getvalue()


def write_xlsx(sheets: list[tuple]) -> bytes:
    """A minimal Office Open XML workbook: inline strings, one date style, merged cells."""
    ct_sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" '
        f'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(len(sheets))
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        f"{ct_sheets}</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    hidden_attr = ' state="hidden"'
    wb_sheets = "".join(
        f'<sheet name="{escape(name)}" sheetId="{i + 1}" r:id="rId{i + 1}"{hidden_attr if hidden else ""}/>'
        for i, (name, _, _, hidden) in enumerate(sheets)
    )
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<sheets>{wb_sheets}</sheets></workbook>"
    )
    wb_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            f'Target="worksheets/sheet{i + 1}.xml"/>'
            for i in range(len(sheets))
        )
        + f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        "</Relationships>"
    )
    styles = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>'
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
        "</styleSheet>"
    )
    entries = [("[Content_Types].xml", content_types.encode()), ("_rels/.rels", rels.encode()),
               ("xl/workbook.xml", workbook.encode()), ("xl/_rels/workbook.xml.rels", wb_rels.encode()),
               ("xl/styles.xml", styles.encode())]
    for i, (name, rows, merges, _) in enumerate(sheets):
        xml_rows = []
        for r, row in enumerate(rows):
            cells = []
            for c, v in enumerate(row):
                ref = f"{col_name(c)}{r + 1}"
                if v is None or v == "":
                    continue
                if isinstance(v, tuple):
                    cells.append(f'<c r="{ref}" s="1"><v>{v[1]}</v></c>')
                elif isinstance(v, (int, float)):
                    cells.append(f'<c r="{ref}"><v>{v}</v></c>')
                else:
                    cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(v)}</t></is></c>')
            if cells:
                xml_rows.append(f'<row r="{r + 1}">{"".join(cells)}</row>')
        merge_xml = ""
        if merges:
            merge_xml = f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>"
        sheet = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"<sheetData>{''.join(xml_rows)}</sheetData>{merge_xml}</worksheet>"
        )
        entries.append((f"xl/worksheets/sheet{i + 1}.xml", sheet.encode()))
    return zip_bytes(entries)


def write_ods(sheets: list[tuple]) -> bytes:
    """A minimal OpenDocument spreadsheet; merged cells as spans with covered cells."""
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'office:version="1.2"'
    )
    # A hidden sheet is a table style with table:display="false" (written as a start tag: calamine
    # reads the property from one).
    automatic_styles = (
        '<office:automatic-styles><style:style style:name="ta1" style:family="table">'
        '<style:table-properties table:display="true"></style:table-properties></style:style>'
        '<style:style style:name="ta2" style:family="table">'
        '<style:table-properties table:display="false"></style:table-properties></style:style>'
        "</office:automatic-styles>"
    )
    tables = []
    for name, rows, merges, hidden in sheets:
        spans = {}
        covered = set()
        for m in merges:
            a, b = m.split(":")
            ac, ar = ord(a[0]) - 65, int(a[1:]) - 1
            bc, br = ord(b[0]) - 65, int(b[1:]) - 1
            spans[(ar, ac)] = (br - ar + 1, bc - ac + 1)
            for r in range(ar, br + 1):
                for c in range(ac, bc + 1):
                    if (r, c) != (ar, ac):
                        covered.add((r, c))
        width = max(len(r) for r in rows)
        xml_rows = []
        for r, row in enumerate(rows):
            cells = []
            for c in range(width):
                v = row[c] if c < len(row) else None
                if (r, c) in covered:
                    cells.append("<table:covered-table-cell/>")
                    continue
                span = ""
                if (r, c) in spans:
                    rs, cs = spans[(r, c)]
                    span = f' table:number-rows-spanned="{rs}" table:number-columns-spanned="{cs}"'
                if v is None or v == "":
                    cells.append(f"<table:table-cell{span}/>")
                elif isinstance(v, tuple):
                    cells.append(f'<table:table-cell{span} office:value-type="date" office:date-value="{v[2]}"><text:p>{v[2]}</text:p></table:table-cell>')
                elif isinstance(v, (int, float)):
                    cells.append(f'<table:table-cell{span} office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>')
                else:
                    paras = "".join(f"<text:p>{escape(line)}</text:p>" for line in v.split("\n"))
                    cells.append(f'<table:table-cell{span} office:value-type="string">{paras}</table:table-cell>')
            xml_rows.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
        style = "ta2" if hidden else "ta1"
        tables.append(f'<table:table table:name="{escape(name)}" table:style-name="{style}">{"".join(xml_rows)}</table:table>')
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<office:document-content {ns}>{automatic_styles}<office:body><office:spreadsheet>{''.join(tables)}"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    return zip_bytes(
        [("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"), ("META-INF/manifest.xml", manifest.encode()),
         ("content.xml", content.encode())],
        stored_first=True,
    )


# 2024-03-15 is Excel serial 45366; 2024-05-20 is 45432.
MANUFACTURING = [
    ["2024年合肥市重点招商项目表（先进制造）"],
    ["金额单位：万元"],
    ["序号", "项目名称", "所属区县", "投资规模", None, "联系方式", None, "更新日期"],
    [None, None, None, "总投资", "拟引资", "联系人", "联系电话", None],
    [1, "包河区新能源汽车热管理系统项目", "包河区", 120000, 80000, "方明", "0551-88881001", ("date", 45366, "2024-03-15")],
    [2, "包河区智能座舱显示模组项目", None, 60000, 60000, "方明", "0551-88881001", ("date", 45366, "2024-03-15")],
    [3, "肥西县光伏储能一体化项目", "肥西县", 200000, 100000, "宋洁", "0551-88881002", ("date", 45432, "2024-05-20")],
    [4, "肥西县工业机器人减速器项目", None, 45000, "待定", "宋洁", "0551-88881002", ("date", 45432, "2024-05-20")],
    ["合计", None, None, 425000, 240000],
]
MANUFACTURING_MERGES = ["A1:H1", "A2:H2", "A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:G3", "H3:H4", "C5:C6", "C7:C8"]
SERVICES = [
    ["项目名称", "建设地点", "总投资（亿元）", "项目概况"],
    ["蜀山区跨境电商产业园项目", "合肥市蜀山区", 8, "建设跨境电商综合服务平台及海外仓"],
    ["庐阳区文旅消费街区项目", "合肥市庐阳区", 12.5, "建设沉浸式文旅消费街区"],
]
NOTES = [["填表说明"], ["1. 每个项目一行；"], ["2. 金额单位为万元。"]]
HIDDEN = [["项目名称", "项目地点"], ["隐藏表中的测试项目", "合肥市瑶海区"]]


def workbook_expect(kind: str, merged: bool) -> dict:
    """Both workbooks hold the same sheets; .ods merges are not reported by calamine, so its
    merged district cells are filled as blanks under a value."""
    fill = "merged" if merged else "above"
    return {
        "projects": [
            p(5, "包河区新能源汽车热管理系统项目", 12 * YI, "安徽省合肥市包河区", seeking=8 * YI, sector="先进制造", contact_name="方明",
              contact_phone="0551-88881001", id="1", updated="2024-03-15"),
            p(6, "包河区智能座舱显示模组项目", 6 * YI, "安徽省合肥市包河区", seeking=6 * YI, sector="先进制造", contact_name="方明"),
            p(7, "肥西县光伏储能一体化项目", 20 * YI, "安徽省合肥市肥西县", seeking=10 * YI, updated="2024-05-20"),
            p(8, "肥西县工业机器人减速器项目", 450_000_000, "安徽省合肥市肥西县", seeking=None),
            p(2, "蜀山区跨境电商产业园项目", 8 * YI, "安徽省合肥市蜀山区", sector="现代服务业", id="sheet2-row-2",
              description="建设跨境电商综合服务平台及海外仓"),
            p(3, "庐阳区文旅消费街区项目", 1_250_000_000, "安徽省合肥市庐阳区", sector="现代服务业"),
        ],
        "rejected": [],
        "reading": {
            "kind": kind,
            "sheets": ["先进制造", "现代服务业"],
            "ignored_sheets": [["填表说明", "no_header"]],
            # The first sheet's title names 合肥 (the place of a row without one); the sheet names
            # stay the sectors.
            "place_hints": {"先进制造": "2024年合肥市重点招商项目表（先进制造）"},
            "header_rows": [3, 4],
            "above_header": [1, 2],
            "units": {"总投资": [WAN, "unit_row"], "拟引资": [WAN, "unit_row"]},
            "skipped": {"total": [9]},
            "filled": {"所属区县": [6, 8]},
            "filled_from": fill,
            "sequence_as_id": True,
        },
    }


WORKBOOK_SHEETS = [
    ("填表说明", NOTES, ["A1:D1"], False),
    ("先进制造", MANUFACTURING, MANUFACTURING_MERGES, False),
    ("现代服务业", SERVICES, [], False),
    ("Sheet4", HIDDEN, [], True),
]
fixture(
    "workbook.xlsx",
    "an .xlsx workbook: a 填表说明 sheet with no list, two list sheets (their names the sector of rows without "
    "one), a hidden sheet (not read), a title and a unit row merged across the table, a two-row header from "
    "merged cells (序号 merged down, 投资规模 and 联系方式 merged across), districts merged down over blocks, "
    "a 合计 row, dates as Excel date cells",
    write_xlsx(WORKBOOK_SHEETS),
    workbook_expect("xlsx", True),
)
fixture(
    "workbook.ods",
    "the same workbook as an OpenDocument spreadsheet (LibreOffice, WPS): spans and covered cells",
    write_ods(WORKBOOK_SHEETS),
    workbook_expect("ods", False),
)

# ---- the unit in a note with an exception clause, places with their label, amounts in other forms --
fixture(
    "note-unit-labelled-places.csv",
    "a Zunyi list: the unit only in `说明：1.本表金额单位除注明外均为亿元` above the header (with its 除…外 "
    "clause); a place written with its label (`项目所在地：仁怀市茅台镇`); cells that say their own unit "
    "(`8000万元`, `USD 30 mn`, `人民币3亿元`) beside bare ones; a range `0.5-1`; a name broken over two lines",
    csv_text([
        ["附件"],
        ["2026年遵义市招商引资项目汇总表"],
        ["说明：1.本表金额单位除注明外均为亿元；2.项目按产业分类排列。"],
        [],
        ["序号", "产业链", "项目名称", "项目所在地", "项目主要建设内容", "总投资", "拟引资", "招商方式", "责任单位"],
        ["1", "酱香白酒", "仁怀市酱香型白酒技改扩能项目", "项目所在地：仁怀市茅台镇", "新建年产5000吨酱香白酒生产线", "15", "10", "独资/合资", "仁怀市投促局"],
        ["2", "酱香白酒", "习水县白酒包装材料产业园", "贵州省遵义市习水县", "酒瓶、酒盒生产", "8000万元", "5000万元", "合资", "习水县投促局"],
        ["3", "辣椒", "新蒲新区辣椒\n精深加工项目", "遵义市新蒲新区", "辣椒酱生产", "0.5-1", "0.5", "合作", "新蒲新区管委会"],
        ["4", "新能源", "播州区储能电池项目", "播州区", "储能电池PACK", "USD 30 mn", "", "外资独资", "播州区投促局"],
        ["5", "文旅", "赤水丹霞旅游区提升", "赤水市", "景区提升", "人民币3亿元", "2", "PPP", "赤水市文旅局"],
    ]),
    {
        "projects": [
            p(6, "仁怀市酱香型白酒技改扩能项目", 15 * YI, "贵州省遵义市仁怀市", id="1", park="茅台镇", contact_org="仁怀市投促局"),
            p(7, "习水县白酒包装材料产业园", 8000 * WAN, "贵州省遵义市习水县", id="2"),
            p(8, "新蒲新区辣椒精深加工项目", [YI // 2, YI], "贵州省遵义市", id="3", park="新蒲新区"),
            p(9, "播州区储能电池项目", 213_000_000, "贵州省遵义市播州区", id="4"),
            p(10, "赤水丹霞旅游区提升", 3 * YI, "贵州省遵义市赤水市", id="5"),
        ],
        "rejected": [],
        "reading": {"kind": "csv", "header_rows": [5], "above_header": [1, 2, 3],
                    "units": {"总投资": [YI, "unit_row"], "拟引资": [YI, "unit_row"]}, "sequence_as_id": True},
        "warnings": [],
    },
)

# ---- project cards (项目推介表): a label beside its value, one project per block ---------------------
# Offices that present projects one by one publish them as cards, not as a table: two label–value
# pairs in a row, a title row over each card, a contact written `联系人：李雅` in one cell. A second
# sheet holds one card whose pairs are all in single cells. Each card is one project, its row the row
# its card begins at.
CARDS = [
    ["2026年雅安市招商推介项目"],
    [],
    ["一、雅安大数据产业园二期"],
    ["项目名称", "雅安大数据产业园二期", "所属行业", "数据中心"],
    ["建设地点", "雅安经开区", "总投资（亿元）", "15"],
    ["合作方式", "合资、独资", "项目进展", "已完成规划"],
    ["项目简介", "新建数据中心机房及配套设施"],
    ["联系人：李雅", "联系电话：0835-2221234"],
    [],
    ["二、汉源花椒精深加工项目"],
    ["项目名称", "汉源花椒精深加工项目", "所属行业", "农产品加工"],
    ["建设地点", "汉源县", "总投资（亿元）", "2.5"],
    ["合作方式", "合资", "项目进展", "前期"],
    ["项目简介", "建设花椒油、花椒粉生产线"],
    ["联系人：王汉", "联系电话：0835-4221234"],
]
ONE_CARD = [
    ["石棉县碳酸锂项目推介表"],
    ["项目名称：石棉县锂电材料产业园"],
    ["项目地点：雅安市石棉县"],
    ["所属行业：锂电材料"],
    ["总投资：30亿元"],
    ["合作方式：合资"],
]
fixture(
    "project-cards.xlsx",
    "a workbook of project cards (项目推介表) rather than a table: two cards in one sheet, each a title and "
    "label–value pairs two to a row, contacts as `联系人：…` in one cell; a second sheet with one card whose "
    "pairs are each in one cell (`项目名称：…`); every card is a project, at the row it begins",
    write_xlsx([("推介项目", CARDS, [], False), ("石棉项目", ONE_CARD, [], False)]),
    {
        "projects": [
            p(4, "雅安大数据产业园二期", 15 * YI, "四川省雅安市", park="雅安经开区", sector="数据中心",
              stage="已完成规划", cooperation=["合资", "独资"], contact_name="李雅", contact_phone="0835-2221234"),
            p(11, "汉源花椒精深加工项目", 250_000_000, "四川省雅安市汉源县", sector="农产品加工", stage="前期",
              contact_name="王汉"),
            p(2, "石棉县锂电材料产业园", 30 * YI, "四川省雅安市石棉县", sector="锂电材料", cooperation=["合资"]),
        ],
        "rejected": [],
        "reading": {"kind": "xlsx", "sheets": ["推介项目", "石棉项目"], "cards": {"推介项目": [4, 11], "石棉项目": [2]}},
        "warnings": [],
    },
)

# ---- a sheet per city: the place only in the sheet's name or title; 序号 starting again per sheet ---
# A city's office gathers its counties' lists as one workbook, one sheet each, named for the place;
# the rows give no place (some names do), and each sheet numbers its projects from 1.
def city_sheet(title, rows):
    return [[title], ["序号", "项目名称", "所属产业", "总投资（万元）", "合作方式"], *rows]


fixture(
    "sheet-per-city.xlsx",
    "a workbook of a sheet per city (`绵阳`, `德阳市`, and one named `Sheet3` whose title names 雅安): a row "
    "with no place and none in its name is placed in its sheet's place, said; a sheet named for a place "
    "gives no sector; 序号 starts again at 1 on each sheet, so a later sheet's numbers take its name "
    "(`德阳市-1`) instead of being rejected as duplicates",
    write_xlsx([
        ("绵阳", city_sheet("2026年绵阳市招商引资项目", [
            ["1", "绵阳科技城新型显示配套项目", "电子信息", "35000", "合资"],
            ["2", "游仙区冷链物流园", "现代物流", "12000", "独资"],
        ]), [], False),
        ("德阳市", city_sheet("2026年德阳市招商引资项目", [
            ["1", "重型装备再制造基地", "装备制造", "80000", "合资"],
            ["2", "广汉航空配套产业园", "航空航天", "50000", "PPP"],
        ]), [], False),
        ("Sheet3", city_sheet("雅安市2026年招商引资项目", [
            ["1", "大数据中心三期", "数字经济", "60000", "独资"],
        ]), [], False),
    ]),
    {
        "projects": [
            p(3, "绵阳科技城新型显示配套项目", 35000 * WAN, "四川省绵阳市绵阳科技城新区", id="1", sector="电子信息"),
            p(4, "游仙区冷链物流园", 12000 * WAN, "四川省绵阳市游仙区", id="2"),
            p(3, "重型装备再制造基地", 80000 * WAN, "四川省德阳市", id="德阳市-1", sector="装备制造"),
            p(4, "广汉航空配套产业园", 50000 * WAN, "四川省德阳市广汉市", id="德阳市-2"),
            p(3, "大数据中心三期", 60000 * WAN, "四川省雅安市", id="Sheet3-1", sector="数字经济"),
        ],
        "rejected": [],
        "reading": {"kind": "xlsx", "sheets": ["绵阳", "德阳市", "Sheet3"], "header_rows": [2], "above_header": [1],
                    "place_hints": {"绵阳": "绵阳", "德阳市": "德阳市", "Sheet3": "雅安市2026年招商引资项目"},
                    "sequence_as_id": True},
        "warnings": ["placed in Deyang, Sichuan, the place its sheet names (\"德阳市\")",
                     "placed in Ya'an, Sichuan, the place its sheet names (\"雅安市2026年招商引资项目\")"],
    },
)

# ---- 同上 (ditto) in cells; a district merged down over its projects; a total row in words ---------
fixture(
    "ditto-and-merged-district.xlsx",
    "a county column merged down over each district's projects; `同上` (ditto) in the cooperation and "
    "contact columns, meaning the row above's value (never a contact named 同上); a total row in words "
    "at the bottom (`合计：共5个项目…`), skipped",
    write_xlsx([("项目表", [
        ["宜宾市2026年重点招商项目清单"],
        ["县（区）", "项目名称", "产业类别", "总投资（亿元）", "合作方式", "联系人"],
        ["翠屏区", "宜宾动力电池回收利用项目", "新能源", "12.5", "独资", "王涛 0831-1234567"],
        ["", "翠屏区智能终端产业园", "电子信息", "8", "合资", "同上"],
        ["", "翠屏区文旅康养综合体", "文化旅游", "5.6", "同上", "同上"],
        ["南溪区", "南溪长江港口物流项目", "现代物流", "20", "PPP", "李娜 0831-7654321"],
        ["", "南溪白酒酿造技改项目", "白酒", "3.2", "合资", "〃"],
        ["合计：共5个项目，总投资49.3亿元"],
    ], ["A1:F1", "A3:A5", "A6:A7", "A8:F8"], False)]),
    {
        "projects": [
            p(3, "宜宾动力电池回收利用项目", 1_250_000_000, "四川省宜宾市翠屏区", cooperation=["独资"], contact_name="王涛",
              contact_phone="0831-1234567"),
            p(4, "翠屏区智能终端产业园", 8 * YI, "四川省宜宾市翠屏区", cooperation=["合资"], contact_name="王涛",
              contact_phone="0831-1234567"),
            p(5, "翠屏区文旅康养综合体", 560_000_000, "四川省宜宾市翠屏区", cooperation=["合资"], contact_name="王涛"),
            p(6, "南溪长江港口物流项目", 20 * YI, "四川省宜宾市南溪区", cooperation=["PPP"], contact_name="李娜"),
            p(7, "南溪白酒酿造技改项目", 320_000_000, "四川省宜宾市南溪区", cooperation=["合资"], contact_name="李娜",
              contact_phone="0831-7654321"),
        ],
        "rejected": [],
        "reading": {"kind": "xlsx", "header_rows": [2], "above_header": [1], "skipped": {"total": [8]},
                    "filled": {"县（区）": [4, 5, 7], "合作方式": [5], "联系人": [4, 5, 7]},
                    "filled_from": {"县（区）": "merged", "合作方式": "ditto", "联系人": "ditto"}},
        "warnings": [],
    },
)

# ---- the park as the only place; blank columns on the left; a signature line in several cells -----
fixture(
    "park-only-place.csv",
    "a list whose only place column is the park (`所在园区`: national and provincial new areas), two blank "
    "columns on the left, a title and an attachment number above, `联系单位及电话` holding the office and its "
    "phone, and a signature line in three cells under the table (`填表人：… | 审核人：… | 联系电话：…`): each "
    "park the gazetteer places is the project's place (kept as the park), the phone is split off, the "
    "signature line is skipped",
    csv_text([
        ["", "", "附件1"],
        ["", "", "2026年度重点产业链招商项目表"],
        ["", "", "序号", "项目", "所在园区", "估算总投资（亿元）", "引资额（亿元）", "招商方式", "联系单位及电话"],
        ["", "", "1", "锂电池隔膜生产线项目", "宜宾三江新区", "12", "8", "独资或合资", "三江新区投促局 0831-3330001"],
        ["", "", "2", "高端装备产业园二期", "天府新区", "20.5", "15", "合资合作", "天府新区投促局 028-61234567"],
        ["", "", "3", "数字经济产业园", "两江新区", "30", "", "合资", "两江新区招商局 023-67891234"],
        [],
        ["", "", "填表人：张三", "", "审核人：李四", "", "联系电话：028-12345678"],
    ]),
    {
        "projects": [
            p(4, "锂电池隔膜生产线项目", 12 * YI, "四川省宜宾市宜宾三江新区", seeking=8 * YI, park="宜宾三江新区", id="1",
              contact_org="三江新区投促局", contact_phone="0831-3330001"),
            p(5, "高端装备产业园二期", 2_050_000_000, "四川省成都市天府新区", seeking=15 * YI, park="天府新区",
              contact_org="天府新区投促局", contact_phone="028-61234567"),
            p(6, "数字经济产业园", 30 * YI, "重庆市两江新区", seeking=None, park="两江新区", contact_org="两江新区招商局"),
        ],
        "rejected": [],
        "reading": {"kind": "csv", "header_rows": [3], "above_header": [1, 2], "skipped": {"footer": [8]},
                    "units": {"估算总投资": [YI, "header"], "引资额": [YI, "header"]}, "sequence_as_id": True},
        "warnings": [],
    },
)

# ---- two columns of the total, the one the header prefers left blank -----------------------------
fixture(
    "blank-first-amount-column.csv",
    "two columns of the total (`项目总投资`, left blank in every row, and `投资额度（亿元）`, which holds the "
    "figures): the filled one is read, the blank one said to be not used (it was the other way round, and "
    "every amount was lost); `项目名称及内容` as the name",
    csv_text([
        ["项目名称及内容", "建设地址", "项目总投资", "投资额度（亿元）", "合作方式"],
        ["泸州白酒包材项目：建设玻璃瓶生产线", "泸州市龙马潭区", "", "5", "合资"],
        ["自贡灯会文化产业园：建设灯组制作基地", "自贡市自流井区", "", "3.2", "独资"],
        ["内江石墨烯产业园：建设石墨烯生产线", "内江市东兴区", "", "8", ""],
    ]),
    {
        "projects": [
            p(2, "泸州白酒包材项目：建设玻璃瓶生产线", 5 * YI, "四川省泸州市龙马潭区"),
            p(3, "自贡灯会文化产业园：建设灯组制作基地", 320_000_000, "四川省自贡市自流井区"),
            p(4, "内江石墨烯产业园：建设石墨烯生产线", 8 * YI, "四川省内江市东兴区"),
        ],
        "rejected": [],
        "reading": {"kind": "csv", "header_rows": [1], "units": {"投资额度": [YI, "header"]}},
        "warnings": ["column \"项目总投资\" names a field that another column gives; it is ignored"],
    },
)

# ---- a description running on over the rows below; several places in one cell; a whole city -------
fixture(
    "continued-rows-several-places.csv",
    "a 项目简介 that runs on over the next rows (only that column filled, no name): the text is added to "
    "the project above, said, never a group heading; a project in two cities (`成都市、德阳市`) read as the "
    "province holding both, said; `绵阳市各县区` (every county of the city) read as the city, no park",
    csv_text([
        ["项目名称", "项目地点", "行业", "总投资（亿元）", "项目简介"],
        ["宜宾锂电正极材料项目", "宜宾市叙州区", "锂电材料", "20", "建设正极材料生产线"],
        ["", "", "", "", "年产5万吨"],
        ["", "", "", "", "配套建设研发中心"],
        ["成德同城化物流园", "成都市、德阳市", "物流", "10", "多式联运枢纽"],
        ["绵阳冷链网络", "绵阳市各县区", "冷链物流", "3", "县乡冷链节点"],
    ]),
    {
        "projects": [
            p(2, "宜宾锂电正极材料项目", 20 * YI, "四川省宜宾市叙州区", description="建设正极材料生产线；年产5万吨；配套建设研发中心"),
            p(5, "成德同城化物流园", 10 * YI, "四川省", description="多式联运枢纽"),
            p(6, "绵阳冷链网络", 3 * YI, "四川省绵阳市", park=None),
        ],
        "rejected": [],
        "reading": {"kind": "csv", "header_rows": [1], "skipped": {"continued": [3, 4]}},
        "warnings": ["成都市、德阳市"],
    },
)

# ---- the amount sought written beside the total, in one cell; a semicolon CSV with decimal commas --
fixture(
    "sought-in-the-total-cell.csv",
    "one 投资额 column holding the total and the amount sought together (`总投资5亿元，其中拟引资3亿元`, "
    "`8000万元（拟引资5000万元）`): the total is the first amount, the amount sought is read from the note "
    "and said; a note that names no amount sought (`一期2亿`) is said and not counted",
    csv_text([
        ["项目名称", "项目地点", "行业", "投资额"],
        ["德阳清洁能源装备园", "德阳市旌阳区", "装备制造", "总投资5亿元，其中拟引资3亿元"],
        ["广元食品产业园", "广元市利州区", "食品", "8000万元（拟引资5000万元）"],
        ["遂宁锂电材料项目", "遂宁市射洪市", "锂电材料", "6亿元（一期2亿元）"],
        ["巴中文旅综合体", "巴中市恩阳区", "文旅", "3亿元"],
    ]),
    {
        "projects": [
            p(2, "德阳清洁能源装备园", 5 * YI, "四川省德阳市旌阳区", seeking=3 * YI),
            p(3, "广元食品产业园", 8000 * WAN, "四川省广元市利州区", seeking=5000 * WAN),
            p(4, "遂宁锂电材料项目", 6 * YI, "四川省遂宁市射洪市", seeking=None),
            p(5, "巴中文旅综合体", 3 * YI, "四川省巴中市恩阳区", seeking=None),
        ],
        "rejected": [],
        "reading": {"kind": "csv", "header_rows": [1]},
        "warnings": ["其中拟引资3亿元", "拟引资5000万元", "一期2亿元"],
    },
)
fixture(
    "semicolon-decimal-comma.csv",
    "a list saved by a European Excel: `;` between cells and a decimal comma in the figures (`12,5` in a "
    "亿元 column is 12.5亿, not 125亿), beside a thousands comma (`12,000` 万元)",
    "项目名称;项目地点;行业;总投资（亿元）;拟引资（万元）\n"
    "成都生物医药创新园;成都市双流区;生物医药;12,5;12,000\n"
    "绵阳数据中心;绵阳市涪城区;数据中心;3;8000\n"
    "眉山光伏组件项目;眉山市彭山区;光伏;0,8;5000\n",
    {
        "projects": [
            p(2, "成都生物医药创新园", 1_250_000_000, "四川省成都市双流区", seeking=120_000_000),
            p(3, "绵阳数据中心", 3 * YI, "四川省绵阳市涪城区", seeking=8000 * WAN),
            p(4, "眉山光伏组件项目", 80_000_000, "四川省眉山市彭山区", seeking=5000 * WAN),
        ],
        "rejected": [],
        "reading": {"kind": "csv", "header_rows": [1]},
        "warnings": [],
    },
)

# ---- a list for foreign investors: headers and places in two scripts, dates without their format ---
# Written for an English-speaking audience by an office that kept its Chinese words beside them:
# `Contact 联系方式` is the combined contact column (its English word alone would be the person),
# places are `Qinzhou, Guangxi 广西钦州` or `Nanning` alone, the release date column lost its
# date format (Excel shows 46100), and an empty contact is written `—`.
BILINGUAL_SHEET = [
    ["No.", "Project Name 项目名称", "Location 项目地点", "Industry 产业类别",
     "Total Investment (RMB 100 million) 总投资（亿元）", "Contact 联系方式", "Release Date 发布日期"],
    [1, "Qinzhou Port Cold Chain Hub 钦州港冷链枢纽", "Qinzhou, Guangxi 广西钦州", "Logistics 物流", 12.5, "黄海 0777-2812345", 46100],
    [2, "Beihai Electronic Information Park 北海电子信息产业园", "广西北海市 Beihai", "Electronic information 电子信息", 30, "—", 46108],
    [3, "Nanning Biomedicine Incubator", "Nanning", "Biomedicine", 0.8, "/", None],
]
fixture(
    "bilingual-sheet.xlsx",
    "an .xlsx for foreign investors: headers in English and Chinese (`Contact 联系方式` the combined "
    "contact), places written in both scripts or in English, release dates as bare date serials (the "
    "cells lost their date format), an empty contact written — or /",
    write_xlsx([("Projects", BILINGUAL_SHEET, [], False)]),
    {
        "projects": [
            p(2, "Qinzhou Port Cold Chain Hub 钦州港冷链枢纽", 1_250_000_000, "广西壮族自治区钦州市",
              id="1", contact_name="黄海", contact_phone="0777-2812345", updated="2026-03-19"),
            p(3, "Beihai Electronic Information Park 北海电子信息产业园", 3_000_000_000, "广西壮族自治区北海市",
              id="2", contact_name=None, contact_phone=None, updated="2026-03-27"),
            p(4, "Nanning Biomedicine Incubator", 80_000_000, "广西壮族自治区南宁市", id="3", contact_name=None, updated=None),
        ],
        "rejected": [],
        "reading": {
            "kind": "xlsx",
            "sheets": ["Projects"],
            "header_rows": [1],
            "units": {"Total Investment": [YI, "header"]},
        },
        "warnings": [],
    },
)

# ---- the publisher page's example: a column the reader cannot know -------------------------------
# `资金盘子` is officials' slang for the total investment: no header vocabulary should guess it. Read
# as it is, the column is named as not used and no amount is invented; the official corrects it on
# the publisher page (or `check --columns E=investment:万元`), and tests/published.rs and the
# end-to-end test (tests/e2e/publish.test.mjs) check the corrected amounts.
PUBLISHER = [
    ["附件1"],
    ["宁波市2024年重点招商引资项目清单"],
    ["序号", "项目名称", "建设地点", "产业类别", "资金盘子", "联系人及电话"],
    [1, "杭州湾新区汽车零部件产业园项目", "杭州湾新区", "汽车零部件", 150000, "陈立 0574-88886001"],
    [2, "梅山保税港区冷链物流中心项目", "梅山保税港区", "现代物流", 80000, "林涛 0574-88886002"],
    [3, "鄞州区集成电路设计产业园项目", "鄞州区", "集成电路", 200000, "周敏 0574-88886003"],
    [4, "北仑区港口装备智能制造项目", "北仑区", "高端装备", 60000, "陈立 0574-88886001"],
    ["合计", None, None, None, 490000, None],
]
fixture(
    "publisher-drop.xlsx",
    "an .xlsx whose amount column has a header nobody could map (资金盘子, bare figures in 万元): read as "
    "it is, the column is not used and said so; corrected to E=investment:万元 on the publisher page",
    write_xlsx([("Sheet1", PUBLISHER, ["A1:F1", "A2:F2"], False)]),
    {
        "projects": [
            p(4, "杭州湾新区汽车零部件产业园项目", None, "浙江省宁波市宁波前湾新区", contact_name="陈立", contact_phone="0574-88886001"),
            p(5, "梅山保税港区冷链物流中心项目", None, "浙江省宁波市宁波梅山综合保税区", contact_name="林涛", contact_phone="0574-88886002"),
            p(6, "鄞州区集成电路设计产业园项目", None, "浙江省宁波市鄞州区", contact_name="周敏"),
            p(7, "北仑区港口装备智能制造项目", None, "浙江省宁波市北仑区"),
        ],
        "rejected": [],
        "warnings": ["资金盘子"],
        "corrected": {
            "columns": "E=investment:万元",
            "investment": [15 * YI, 8 * YI, 20 * YI, 6 * YI],
        },
        "reading": {
            "kind": "xlsx",
            "sheets": ["Sheet1"],
            "header_rows": [3],
            "above_header": [1, 2],
            "skipped": {"total": [8]},
            "sequence_as_id": True,
        },
    },
)


def encode(f: dict) -> bytes:
    data = f["data"]
    if isinstance(data, bytes):
        return data
    body = data.encode(f["encoding"])
    if f["bom"]:
        body = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe"}[f["encoding"]] + body
    return body


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for f in FIXTURES:
        path = OUT / f["file"]
        path.write_bytes(encode(f))
        expect = {"file": f["file"], "what": f["what"], **f["expect"]}
        (OUT / (f["file"] + ".expect.json")).write_text(json.dumps(expect, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{f['file']:28} {len(f['expect']['projects']):2} projects  {f['what'][:90]}")
    # The investor leads sheet as a workbook (tests/fixtures/leads/): the leads page reads it in its
    # worker through the publisher module, online and in the offline copy.
    leads = OUT.parent / "leads"
    with (leads / "investor-leads.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    (leads / "investor-leads.xlsx").write_bytes(write_xlsx([("投资线索", rows, [], False)]))
    print(f"{'leads/investor-leads.xlsx':28} {len(rows):2} lines     the investor leads sheet as an .xlsx workbook")


if __name__ == "__main__":
    main()
