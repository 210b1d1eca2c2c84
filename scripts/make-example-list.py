#!/usr/bin/env python3
"""Writes the bundled illustrative opportunity list and the test fixtures derived from it.

Run from the project root:

    python3 scripts/make-example-list.py

Writes
  www/data/opportunity-list.json         the illustrative list bundled with the demo (JSON object form)
  tests/fixtures/sample-utf8.csv          ~30 projects, Chinese headers, UTF-8 with BOM, LF
  tests/fixtures/sample-gbk.csv           the same text encoded as GB18030 (GBK-representable), no BOM
  tests/fixtures/sample-utf8-nobom-crlf.csv  the same text, UTF-8 without BOM, CRLF record ends
  tests/fixtures/sample.json              the same projects as a bare JSON array with English keys
  tests/fixtures/english-headers.csv      ~8 projects, every key of README's list format as a header
  tests/fixtures/header-variants.csv      6 projects under less common Chinese headers + one unknown
  tests/fixtures/bad-rows.csv             one rejected/warned row per documented reason
  tests/fixtures/hostile.json             XSS and CSV-formula payloads in every free-text field
  tests/fixtures/park-and-zones.csv       regions that are development zones or end in a park
  tests/fixtures/money-forms.csv          one project per money form, with an expected_yuan column

and prints a summary (projects per sector, per province, per money form).

Everything is fictional: project names are made up, contacts are placeholders (phone numbers are
an area code followed by zeros, e-mail and web addresses are under example.org / example.cn), and
no real company is named. The output is deterministic: no clock, no randomness.
Python 3.11 standard library only.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIST_OUT = ROOT / "www" / "data" / "opportunity-list.json"
FIX = ROOT / "tests" / "fixtures"

LIST_UPDATED = "2026-10-31"
FX = {"USD": 7.1, "HKD": 0.91, "EUR": 7.7}

# --------------------------------------------------------------------------------------------
# The projects.
# One project a line: id|name|name_en|sector|tags|region|park|investment|seeking|cooperation|
#                     stage|land_mu|contact_org|description|description_en
# tags and cooperation are joined with 、 here and become arrays in JSON. An investment or
# seeking made only of digits is integer yuan and becomes a JSON number. Empty = absent.
# --------------------------------------------------------------------------------------------

PROJECTS = r"""
SC-0001|成都新能源汽车动力电池配套产业园项目|Chengdu NEV Power Battery Supporting Industrial Park|装备制造|动力电池、电芯、电池模组、电池管理系统、新能源汽车|四川省成都市龙泉驿区|成都经济技术开发区|50亿元|30亿元|独资、合资|在谈|800|龙泉驿区投资促进局|围绕区内整车企业建设动力电池电芯、模组及电池包生产线，补齐本地新能源汽车产业链电池环节。|Cell, module and pack lines for power batteries next to the district's vehicle assemblers, closing the battery link of the local NEV chain.
SC-0002|成都动力电池回收与梯次利用项目|Chengdu Power Battery Recycling and Second-life Project|先进材料|动力电池回收、梯次利用、锂电材料、循环经济|成都市金堂县|淮州新城|8亿元||合资、合作|前期|150|金堂县投资促进局|建设退役动力电池拆解、梯次利用储能及镍钴锂材料再生产线。|Dismantling of retired power batteries, second-life storage packs and recovery of nickel, cobalt and lithium.
SC-0003|双流区储能电池系统集成项目|Shuangliu Energy Storage Battery System Integration Project|装备制造|储能电池、电池系统集成、储能变流器|四川省成都市双流区|西航港经济开发区|20亿元|20亿元|独资|前期|260|双流区投资促进局|建设工商业及电网侧储能电池系统集成与测试基地。|Integration and test base for commercial and grid-side battery energy storage systems.
SC-0004|成都新能源汽车电驱动系统项目|Chengdu NEV Electric Drive System Project|装备制造|电驱动、电机电控、新能源汽车零部件|成都市龙泉驿区|成都经济技术开发区|15亿元||合资、股权合作|在谈|200|龙泉驿区投资促进局|引进驱动电机、电机控制器及减速器一体化电驱动总成制造企业。|Integrated e-axle assembly: traction motors, inverters and reducers for local vehicle makers.
SC-0005|成都高新区航空发动机零部件精密制造项目|Chengdu Hi-tech Zone Aero-engine Parts Precision Manufacturing|装备制造|航空航天、航空发动机、精密加工|成都高新区|成都高新西区|2500000000||合资|签约|300|成都高新区投资服务局|建设航空发动机叶片、机匣等关键零部件精密加工及特种工艺生产线。|Precision machining and special processes for aero-engine blades, casings and other key parts.
SC-0006|德阳清洁能源装备配套产业园项目|Deyang Clean Energy Equipment Supporting Park|装备制造|清洁能源装备、氢能装备、风电装备|德阳市旌阳区|德阳经济技术开发区|30亿元|18亿元|独资、合资|前期|600|旌阳区投资促进局|围绕重型装备龙头企业配套风电、氢能及燃机装备零部件生产。|Component suppliers for wind, hydrogen and gas-turbine equipment around Deyang's heavy-equipment makers.
SC-0007|广汉燃气轮机关键部件项目|Guanghan Gas Turbine Key Components Project|装备制造|燃气轮机、叶片、高端装备|四川省德阳市广汉市|广汉经济开发区|12亿元||合资|在谈|180|广汉市投资促进局|建设燃气轮机涡轮叶片、燃烧室部件精密铸造及涂层生产线。|
SC-0008|绵阳无人机整机及核心部件项目|Mianyang UAV Airframe and Core Components Project|装备制造|无人机、航空航天、飞控系统|绵阳市游仙区|游仙经济开发区|5-10亿元||合资、股权合作|策划|220|游仙区投资促进局|引进工业级无人机整机、飞控及动力系统研发制造企业。|Industrial drones: airframes, flight control and propulsion R&D and manufacturing.
SC-0009|自贡通用航空产业园项目|Zigong General Aviation Industrial Park|装备制造|通用航空、无人机、航空维修|自贡市贡井区|自贡航空产业园|20亿元|10亿元|合资、PPP|在谈|1200|贡井区投资促进局|建设通用航空器总装、航空维修及飞行培训基地。|General aviation assembly, maintenance and flight training base.
SC-0010|眉山数控机床及刀具产业化项目|Meishan CNC Machine Tools and Cutting Tools Project|装备制造|数控机床、刀具、精密加工|眉山市彭山区|眉山经济开发区新区|6亿元|6亿元|独资|策划|120|彭山区投资促进局|建设数控机床整机及硬质合金刀具生产基地。|
SC-0011|资阳轨道交通装备配套项目|Ziyang Rail Transit Equipment Supporting Project|装备制造|轨道交通、机车车辆、零部件|资阳市雁江区|资阳高新区|8亿元||独资、合资|前期|200|雁江区投资促进局|围绕机车车辆整车企业配套转向架、制动及车体部件。|Bogies, brakes and car-body parts for rolling-stock makers.
SC-0012|遂宁新能源汽车零部件补链项目|Suining NEV Parts Chain-filling Project|装备制造|新能源汽车零部件、汽车电子、轻量化、补链|遂宁市船山区|遂宁经济技术开发区|5亿元||独资|前期|100|船山区投资促进局|依托本地锂电产业，招引电池结构件、线束及热管理部件企业补齐产业链。|Battery structural parts, wiring harnesses and thermal management to complete the local lithium-battery chain.
SC-0013|南充汽车汽配产业园新能源商用车配套项目|Nanchong Auto Parts Park NEV Commercial Vehicle Project|装备制造|汽车零部件、新能源商用车、专用车|南充市顺庆区|南充经济开发区|10亿元||合资|在谈|350|顺庆区投资促进局|引进新能源商用车及专用车整车配套零部件企业。|
SC-0014|威远页岩气开采装备制造项目|Weiyuan Shale Gas Equipment Manufacturing Project|装备制造|页岩气装备、压裂设备、油气装备|内江市威远县||8亿元||独资、合资|储备|160|威远县投资促进局|建设压裂车、井口装置等页岩气开采装备制造及维修基地。|
SC-0015|成都高新区集成电路设计与封装测试项目|Chengdu Hi-tech Zone IC Design, Packaging and Testing Project|电子信息|集成电路、芯片设计、封装测试|成都高新区|成都高新西区|40亿元|20亿元|股权合作|在谈|260|成都高新区投资服务局|引进集成电路设计企业及先进封装测试产线，完善本地芯片产业链。|IC design houses and an advanced packaging and test line to round out the local chip chain.
SC-0016|成都芯谷化合物半导体功率器件项目|Chengdu Chip Valley Compound Semiconductor Power Device Project|电子信息|化合物半导体、功率器件、碳化硅、集成电路|成都市双流区成都芯谷|成都芯谷|25亿元||合资、股权合作|前期|300|双流区投资促进局|建设碳化硅、氮化镓功率器件外延、芯片及模块生产线。|SiC and GaN power devices: epitaxy, chips and modules.
SC-0017|郫都区新型显示模组配套项目|Pidu New Display Module Supporting Project|电子信息|新型显示、OLED、显示模组|成都市郫都区|成都现代工业港|1800000000||独资|在谈|220|郫都区投资促进局|为新型显示面板企业配套偏光片、驱动芯片及显示模组生产。|Polarisers, driver ICs and display modules for local panel makers.
SC-0018|绵阳智能家电电子元器件配套项目|Mianyang Smart Appliance Electronic Components Project|电子信息|智能家电、电子元器件、被动元件|四川省绵阳市涪城区|绵阳高新区|12亿元|8亿元|合资|在谈|200|涪城区经济合作局|引进电容、电感、连接器等电子元器件制造企业，服务本地整机企业。|Capacitors, inductors and connectors for local appliance and electronics assemblers.
SC-0019|宜宾智能终端产业园结构件配套项目|Yibin Smart Terminal Park Structural Parts Project|电子信息|智能终端、手机、结构件|宜宾市翠屏区|宜宾临港经济技术开发区|6亿元||独资|签约|120|翠屏区投资促进局|为智能手机整机企业配套精密结构件、摄像模组等零部件。|
SC-0020|遂宁电子电路产业园高端PCB项目|Suining Electronic Circuit Park High-end PCB Project|电子信息|印制电路板、PCB、电子电路|遂宁市船山区|遂宁经济技术开发区|15亿元||独资、合资|前期|280|船山区投资促进局|建设高多层板、HDI板等高端印制电路板生产线。|High-layer-count and HDI printed circuit boards.
SC-0021|广安光电子器件产业化项目|Guang'an Optoelectronic Devices Project|电子信息|光电子、光模块、光通信|广安市广安区|广安经济技术开发区|||合资|策划|90|广安区投资促进局|建设光通信器件及光模块封装生产线。|
SC-0022|成华区信创服务器整机项目|Chenghua Domestic-IT Server Project|电子信息|信创、服务器、网络安全|成都市成华区||5-10亿元||合资、合作|在谈|60|成华区投资促进局|引进信创服务器、存储设备整机生产及适配验证中心。|Servers and storage built on domestic platforms, with an adaptation and test centre.
SC-0023|泸州智能终端产业园消费电子项目|Luzhou Smart Terminal Park Consumer Electronics Project|电子信息|智能终端、消费电子、可穿戴设备|泸州市龙马潭区|泸州高新区|3亿元||独资|前期|80|龙马潭区投资促进局|引进可穿戴设备及消费电子整机组装企业。|
SC-0024|成都芯谷集成电路设计企业孵化载体项目|Chengdu Chip Valley IC Design Incubator|电子信息|集成电路、芯片设计、孵化器|510116|成都芯谷|1.2亿||租赁、合作|在建|40|双流区投资促进局|建设集成电路设计企业孵化楼宇及EDA公共服务平台，面向设计企业招租。|Incubator building for IC design firms with a shared EDA platform; space for lease.
SC-0025|宜宾白酒产业园陶坛储酒及酒类物流项目|Yibin Baijiu Park Pottery-jar Storage and Logistics Project|食品饮料|白酒、储酒、酒类物流|宜宾市翠屏区|宜宾白酒产业园|12亿元||独资、合资|前期|300|翠屏区投资促进局|建设陶坛储酒库及酒类仓储物流中心，服务浓香型白酒企业。|Pottery-jar storage cellars and a logistics centre for strong-aroma baijiu makers.
SC-0026|古蔺酱香型白酒基酒扩产项目|Gulin Sauce-aroma Baijiu Base Liquor Expansion|食品饮料|白酒、酱香型、酿造|泸州市古蔺县|古蔺白酒产业园|32亿元|20亿元|独资、合资|在谈|500|古蔺县投资促进局|新建酱香型白酒酿造车间、制曲车间及储酒库。|New brewing, starter-making and storage halls for sauce-aroma baijiu.
SC-0027|泸州酒类包装材料产业园项目|Luzhou Liquor Packaging Materials Park|食品饮料|白酒包装、玻璃瓶、纸箱|泸州市江阳区|泸州酒业集中发展区|5亿元||独资|前期|150|江阳区投资促进局|为白酒企业配套高档玻璃瓶、酒盒及纸箱生产。|
SC-0028|眉山泡菜产业园调味品深加工项目|Meishan Pickle Park Condiment Processing Project|食品饮料|泡菜、调味品、食品加工|眉山市东坡区|眉山泡菜食品产业园|8亿元||独资、合资|在谈|160|东坡区投资促进中心|建设泡菜、复合调味料深加工生产线及检测中心。|Pickles and compound seasonings with a quality-testing centre.
SC-0029|郫都区川菜调味品产业化项目|Pidu Sichuan Cuisine Condiment Project|食品饮料|川菜、调味品、豆瓣酱|成都市郫都区|川菜产业园|5亿元|三亿元|独资|前期|100|郫都区投资促进局|建设豆瓣酱、火锅底料等川菜调味品标准化生产基地。|Standardised production of broad-bean paste, hot-pot base and other Sichuan condiments.
SC-0030|雅安藏茶精深加工项目|Ya'an Tibetan Tea Deep Processing Project|食品饮料|茶、藏茶、精深加工|雅安市名山区||3亿元||独资、合资|策划|60|名山区投资促进局|建设藏茶精制、茶饮料及茶食品生产线。|Refined dark tea, tea beverages and tea-based foods.
SC-0031|夹江茶叶精深加工项目||食品饮料|茶、茶饮料、精深加工|乐山市夹江县||二亿元||独资|储备|40|夹江县投资促进局|建设名优绿茶精制及茶饮料生产线。|
SC-0032|筠连早茶标准化加工项目|Junlian Early Tea Standardised Processing Project|食品饮料|茶、早茶、标准化加工|宜宾市筠连县||五千万元||独资、合作|策划|30|筠连县投资促进局|建设早茶标准化加工厂及茶叶交易中心。|
SC-0033|绵阳预制菜中央厨房项目|Mianyang Prepared Dishes Central Kitchen Project|食品饮料|预制菜、中央厨房、冷链|绵阳安州||6亿元||独资|前期|120|安州区投资促进局|建设川味预制菜中央厨房及冷链配送中心。|Central kitchen for Sichuan-style prepared dishes with cold-chain delivery.
SC-0034|内江休闲食品产业园项目||食品饮料|休闲食品、食品加工|内江市东兴区||||独资、合资|储备|90|东兴区投资促进局|建设休闲食品、糕点及肉制品加工标准厂房。|
SC-0035|射洪白酒配套产业园项目|Shehong Baijiu Supporting Industrial Park|食品饮料|白酒、包装、酒类物流|遂宁市射洪市||10亿元||合资|策划|200|射洪市投资促进局|建设白酒包装、原粮储备及酒类物流配套园区。|
SC-0036|天全天然饮用水生产项目|Tianquan Natural Drinking Water Project|食品饮料|饮用水、矿泉水、饮料|雅安市天全县||1.2亿||独资|前期|50|天全县投资促进局|利用优质水源建设天然饮用水灌装生产线。|Bottling plant for natural spring water.
SC-0037|南充冬菜及调味品产业化项目|Nanchong Preserved Vegetable and Condiment Project|食品饮料|冬菜、调味品、食品加工|南充市顺庆区||1.5亿元||独资|前期|45|顺庆区投资促进局|建设冬菜、调味品标准化生产线及原料基地。|
SC-0038|新都区精酿啤酒及饮料生产项目|Xindu Craft Beer and Beverage Project|食品饮料|啤酒、饮料、精酿|成都新都||3亿元||独资|在谈|70|新都区投资促进局|建设精酿啤酒及果汁饮料生产线。|Craft beer and juice beverage lines.
SC-0039|宜宾锂电正极材料扩产项目|Yibin Lithium Battery Cathode Material Expansion|先进材料|锂电材料、正极材料、磷酸铁锂、动力电池|宜宾市叙州区|宜宾锂电产业园|60亿元|30亿元|股权合作|在谈|700|叙州区投资促进局|扩建磷酸铁锂正极材料产线，就近配套动力电池企业。|Expanding lithium iron phosphate cathode lines next to the power-battery makers.
SC-0040|宜宾动力电池产业园电芯配套项目|Yibin Power Battery Park Cell Supporting Project|装备制造|动力电池、电芯、储能电池、新能源汽车|四川省宜宾市三江新区|宜宾动力电池产业园|100亿元|50亿元|合资|在谈|1500|三江新区投资促进局|建设动力及储能电芯生产基地，配套隔膜、电解液及结构件企业。|Power and storage battery cell base with separator, electrolyte and structural-part suppliers.
SC-0041|遂宁锂电负极材料项目|Suining Lithium Battery Anode Material Project|先进材料|锂电材料、负极材料、石墨|遂宁市安居区|安居经济开发区|20亿元||独资|前期|400|安居区投资促进局|建设人造石墨负极材料石墨化及成品生产线。|Artificial graphite anodes: graphitisation and finished material.
SC-0042|攀枝花钛材深加工项目|Panzhihua Titanium Products Deep Processing|先进材料|钒钛、钛材、钛合金|攀枝花市东区|钒钛高新区|15亿元||合资|在谈|260|东区投资促进局|引进钛合金板材、管材及钛制品深加工企业。|Titanium alloy sheet, tube and finished titanium products.
SC-0043|攀枝花钒电池储能材料项目|Panzhihua Vanadium Battery Storage Materials Project|先进材料|钒电池、储能、钒电解液|攀枝花市西区||10亿元|10亿元|独资、合资|前期|150|西区投资促进局|建设全钒液流电池电解液及储能系统集成生产线。|Vanadium flow-battery electrolyte and storage-system integration.
SC-0044|五通桥硅材料下游光伏产业项目|Wutongqiao Silicon Downstream PV Project|先进材料|多晶硅、光伏、硅材料|乐山市五通桥区||80亿元|4000000000|合资|在谈|900|五通桥区投资促进局|依托多晶硅产能，引进拉晶、切片及电池片生产企业。|Ingot pulling, wafering and cell makers next to polysilicon capacity.
SC-0045|眉山电子化学品项目|Meishan Electronic Chemicals Project|先进材料|电子化学品、湿电子化学品、集成电路材料|眉山市彭山区|眉山经济开发区新区|3-6亿元||独资|策划|100|彭山区投资促进局|建设高纯湿电子化学品及电子特气生产线。|
SC-0046|什邡高性能铝合金项目|Shifang High-performance Aluminium Alloy Project|先进材料|铝合金、轻量化、新材料|德阳市什邡市||12亿元||独资、合资|储备|200|什邡市投资促进局|建设汽车轻量化铝合金型材及压铸件生产线。|
SC-0047|雅安锂电池隔膜项目|Ya'an Lithium Battery Separator Project|先进材料|锂电材料、隔膜、新能源|雅安市雨城区|雅安经济开发区|2000000000||独资|前期|300|雨城区投资促进局|建设湿法锂电池隔膜及涂覆隔膜生产线。|Wet-process and coated lithium battery separators.
SC-0048|冕宁稀土新材料项目|Mianning Rare Earth New Materials Project|先进材料|稀土、稀土永磁、新材料|凉山彝族自治州冕宁县||10亿元||合资|前期|180|冕宁县投资促进局|建设稀土分离及钕铁硼永磁材料生产线。|Rare-earth separation and NdFeB permanent magnets.
SC-0049|自贡高新区氟硅新材料项目|Zigong Hi-tech Zone Fluorosilicone Materials Project|先进材料|氟材料、有机硅、新材料|自贡市沿滩区|自贡高新区|15亿元||合资、股权合作|在谈|240|沿滩区投资促进局|建设含氟聚合物及有机硅新材料生产线。|
SC-0050|新津区改性塑料项目||先进材料|高分子材料、改性塑料|510118||3亿元||独资|储备|60|新津区投资促进局|建设汽车及家电用改性塑料生产线。|
SC-0051|广安玄武岩纤维复合材料项目|Guang'an Basalt Fibre Composites Project|先进材料|玄武岩纤维、复合材料|广安市前锋区||5亿元||独资、合资|策划|120|前锋区投资促进局|建设玄武岩连续纤维及复合材料制品生产线。|
SC-0052|宣汉天然气化工项目|Xuanhan Natural Gas Chemicals Project|能源化工|天然气化工、精细化工|达州市宣汉县|普光经济开发区|50亿元||合资|前期|800|宣汉县投资促进局|依托天然气资源建设天然气化工及下游精细化工项目。|Natural-gas chemicals and downstream fine chemicals using local gas.
SC-0053|达州锂钾综合开发项目|Dazhou Lithium and Potassium Development Project|能源化工|锂钾资源、卤水提锂、锂电材料|达州市宣汉县||45亿元||合资、股权合作|策划|600|宣汉县投资促进局|开发富锂钾卤水资源，建设提锂及钾肥生产装置。|Lithium extraction and potash from lithium-rich brine.
SC-0054|邻水天然气综合利用项目|Linshui Natural Gas Utilisation Project|能源化工|天然气、LNG、分布式能源|广安市邻水县||5亿元||合作、BOT|前期|80|邻水县投资促进局|建设LNG储配站及分布式能源站。|
SC-0055|五通桥盐磷化工精细化工项目|Wutongqiao Salt and Phosphorus Fine Chemicals Project|能源化工|盐化工、磷化工、精细化工|乐山市五通桥区||20亿元||合资|前期|300|五通桥区投资促进局|延伸盐磷化工产业链，建设精细化工及新能源材料前驱体装置。|
SC-0056|纳溪化工新材料项目|Naxi Chemical New Materials Project|能源化工|化工新材料、尼龙、精细化工|泸州市纳溪区|泸州化工园区|25亿元||合资、股权合作|在谈|400|纳溪区投资促进局|建设尼龙新材料及配套精细化工装置。|
SC-0057|会东风光互补清洁能源基地项目|Huidong Wind-Solar Clean Energy Base|能源化工|光伏发电、风电、清洁能源|凉山彝族自治州会东县||60亿元||BOT、合作|前期|3000|会东县发展和改革局|建设风光互补发电基地及配套升压站。|Wind and solar generation base with step-up substations.
SC-0058|理塘高原光伏发电项目|Litang Plateau Photovoltaic Project|能源化工|光伏发电、清洁能源|甘孜藏族自治州理塘县||40亿元||BOT|储备|5000|理塘县发展和改革局|建设高原光伏电站及储能设施。|
SC-0059|小金抽水蓄能电站项目|Xiaojin Pumped Storage Power Station|能源化工|抽水蓄能、清洁能源、电力|阿坝藏族羌族自治州小金县||||PPP、合资|储备|2400|小金县发展和改革局|建设抽水蓄能电站，服务清洁能源基地调峰。|Pumped-storage station to balance the clean-energy base.
SC-0060|郫都区氢能产业园燃料电池项目|Pidu Hydrogen Park Fuel Cell Project|能源化工|氢能、燃料电池、加氢站|成都市郫都区|郫都氢能产业园|10亿元||合资、股权合作|在谈|150|郫都区投资促进局|建设燃料电池电堆、膜电极生产线及加氢站示范网络。|Fuel-cell stacks and membrane electrodes, with pilot hydrogen stations.
SC-0061|荣县页岩气综合利用项目||能源化工|页岩气、天然气、压缩天然气|自贡市荣县||8亿元||合作|策划|100|荣县投资促进局|建设页岩气净化、压缩及就地转化利用装置。|
SC-0062|南充现代化工园区精细化工项目|Nanchong Chemical Park Fine Chemicals Project|能源化工|精细化工、新材料|南充市嘉陵区|南充现代化工园区|2000000000||独资、合资|前期|350|嘉陵区投资促进局|引进精细化工、电子化学品及专用化学品企业。|
SC-0063|长宁页岩气就地转化发电项目|Changning Shale Gas Power Project|能源化工|页岩气、天然气发电|宜宾市长宁县||15亿元||BOT|储备|120|长宁县投资促进局|建设页岩气燃机发电及余热利用项目。|
SC-0064|天府新区人工智能算力中心项目|Tianfu New Area AI Computing Centre|数字经济|人工智能、算力、数据中心|天府新区|天府数字经济产业园|20亿元||合作、PPP|在谈|120|天府新区投资促进局|建设面向大模型训练与推理的智能算力中心及公共服务平台。|AI computing centre for model training and inference, with a public service platform.
SC-0065|成都高新区人工智能大模型应用孵化项目|Chengdu Hi-tech Zone AI Large-model Application Incubator|数字经济|人工智能、大模型、软件|成都高新区|天府软件园|2,000万元||租赁、合作|在建|20|成都高新区投资服务局|建设大模型行业应用孵化器，提供算力券、数据集及场景对接服务。|Incubator for industry applications of large models: compute vouchers, data sets and pilot sites.
SC-0066|武侯区直播电商基地项目|Wuhou Live-streaming E-commerce Base|数字经济|直播电商、电子商务、网红经济|成都市武侯区||1.2亿||租赁、合作|在谈|15|武侯区投资促进局|改造楼宇建设直播间集群、供应链选品中心及主播培训中心。|Live-streaming studios, product selection centre and streamer training in a renovated building.
SC-0067|雅安绿色算力基地扩容项目|Ya'an Green Computing Base Expansion|数字经济|数据中心、绿色算力、云计算|雅安市雨城区|雅安大数据产业园|10亿元||合作|前期|150|雨城区投资促进局|利用水电清洁能源扩建绿色数据中心机柜及算力服务。|
SC-0068|绵阳工业互联网标识解析节点项目|Mianyang Industrial Internet Identifier Node|数字经济|工业互联网、标识解析、软件|绵阳市涪城区||3000万元||合作|策划||涪城区经济合作局|建设工业互联网标识解析二级节点及行业应用平台。|
SC-0069|宜宾大学城软件与信息技术服务中心项目|Yibin University Town Software and IT Services Centre|数字经济|软件、信息技术服务、服务外包|宜宾市翠屏区|宜宾大学城|2亿元||租赁|在谈|30|翠屏区投资促进局|建设软件研发及服务外包楼宇，对接高校人才资源。|
SC-0070|德阳工业软件及智能制造服务项目|Deyang Industrial Software and Smart Manufacturing Services|数字经济|工业软件、智能制造、数字孪生|510603||1.5亿元||合作、股权合作|前期|20|旌阳区投资促进局|引进工业软件及智能工厂解决方案企业，服务本地装备制造企业。|Industrial software and smart-factory integrators for local equipment makers.
SC-0071|成都高新区数字文创游戏动漫研发基地项目|Chengdu Hi-tech Zone Games and Animation Base|数字经济|数字文创、游戏、动漫|成都高新区||5亿元||租赁、合作|在谈|40|成都高新区投资服务局|建设游戏、动漫研发制作基地及数字内容版权交易平台。|
SC-0072|金牛区北斗卫星导航应用项目|Jinniu BeiDou Navigation Application Project|数字经济|北斗、卫星导航、地理信息|510106||2.5亿||合作|前期|25|金牛区投资促进局|建设北斗高精度定位应用及地理信息服务平台。|
SC-0073|南充农村电商直播基地项目|Nanchong Rural E-commerce Live-streaming Base|数字经济|电子商务、直播电商、农产品|南充市高坪区||1,200万元||合作、租赁|在建|10|高坪区投资促进局|建设农产品直播电商基地、仓储分拣中心及主播孵化。|Live-streaming sales of farm produce with a sorting warehouse and streamer incubation.
SC-0074|泸州白酒区块链溯源平台项目|Luzhou Baijiu Blockchain Traceability Platform|数字经济|区块链、溯源、白酒|泸州市江阳区||五千万元||合作|策划||江阳区投资促进局|建设白酒生产流通全过程区块链溯源及防伪平台。|
SC-0075|达州服务外包产业园项目|Dazhou Service Outsourcing Park|数字经济|服务外包、呼叫中心、数据标注|达州市通川区||20000万元||租赁、合作|前期|35|通川区投资促进局|建设呼叫中心、数据标注及服务外包产业园。|
SC-0076|青白江国际铁路港冷链物流中心项目|Qingbaijiang International Railway Port Cold-chain Centre|现代服务业|现代物流、冷链物流、中欧班列|成都市青白江区|成都国际铁路港|1500000000||合资、合作|在谈|300|青白江区投资促进局|建设进口冷链查验、冷库及分拨中心，服务中欧班列进出口货物。|Cold-chain inspection, storage and distribution for China-Europe rail freight.
SC-0077|双流航空物流园跨境电商项目|Shuangliu Air Logistics Park Cross-border E-commerce Project|现代服务业|航空物流、跨境电商、保税|四川省成都市双流区|双流综合保税区|20亿元||合资|前期|260|双流区投资促进局|建设航空货运分拨中心、跨境电商监管仓及保税仓储。|
SC-0078|峨眉山文旅康养度假区项目|Emeishan Cultural Tourism and Wellness Resort|现代服务业|文化旅游、康养、度假|乐山市峨眉山市||35亿元|20亿元|合资、合作|在谈|900|峨眉山市投资促进局|建设温泉康养、禅修文化体验及度假酒店集群。|Hot-spring wellness, cultural experiences and resort hotels.
SC-0079|都江堰精华灌区康养旅游项目|Dujiangyan Irrigation Area Wellness Tourism Project|现代服务业|文化旅游、康养、乡村旅游|成都市都江堰市||十二亿元||合作、PPP|策划|600|都江堰市投资促进局|依托精华灌区田园风光建设康养度假及乡村旅游项目。|
SC-0080|锦江区商业综合体更新项目|Jinjiang Commercial Complex Renewal Project|现代服务业|商业、首店经济、城市更新|成都市锦江区||25亿元||合作、转让|在谈|30|锦江区投资促进局|对老旧商业综合体进行更新改造，引进首店及品牌旗舰店。|Renewal of an ageing shopping complex to attract first stores and flagship shops.
SC-0081|宜宾港多式联运物流园项目|Yibin Port Multimodal Logistics Park|现代服务业|港口物流、多式联运、现代物流|宜宾市叙州区|宜宾港|18亿元||合资、PPP|前期|500|叙州区投资促进局|建设铁水联运堆场、仓储及物流信息平台。|Rail-water transfer yards, warehousing and a logistics information platform.
SC-0082|泸州港保税物流中心项目|Luzhou Port Bonded Logistics Centre|现代服务业|保税物流、港口、跨境电商|泸州市龙马潭区|川南临港片区|6亿元||合资|在谈|120|龙马潭区投资促进局|建设保税仓储、跨境电商及进出口分拨中心。|
SC-0083|自贡彩灯文化产业园项目|Zigong Lantern Cultural Industry Park|现代服务业|文化旅游、彩灯、文创|自贡市自流井区||10亿元||合作|前期|200|自流井区投资促进局|建设彩灯设计制作、文创研发及灯会主题游乐项目。|Lantern design and making, creative products and a lantern-themed attraction.
SC-0084|九寨沟生态旅游度假区提升项目|Jiuzhaigou Eco-tourism Resort Upgrade|现代服务业|文化旅游、生态旅游、度假酒店|阿坝藏族羌族自治州九寨沟县||20亿元||合作、PPP|策划|400|九寨沟县文化体育和旅游局|提升景区外围度假酒店、游客服务中心及生态体验设施。|
SC-0085|稻城亚丁旅游服务配套项目|Daocheng Yading Tourism Services Project|现代服务业|文化旅游、旅游服务、民宿|甘孜藏族自治州稻城县||||合作|储备|150|稻城县文化旅游和广播电视体育局|建设游客集散中心、精品民宿及自驾营地。|
SC-0086|交子公园金融商务区总部楼宇招商项目|Jiaozi Park Financial District Headquarters Buildings|现代服务业|金融、总部经济、商务楼宇|成都高新区|交子公园金融商务区|||租赁、合作|签约||成都高新区投资服务局|面向金融机构及企业总部招租甲级写字楼，投资额视入驻方需求确定。|Grade-A offices for financial institutions and corporate headquarters; the amount depends on the tenant.
SC-0087|天府新区会展配套酒店项目|Tianfu New Area Convention Hotel Project|现代服务业|会展、酒店、商务服务|四川天府新区||12亿元||合资、转让|前期|60|天府新区投资促进局|在会展中心周边建设会展配套酒店及商业设施。|
SC-0088|南充医养结合养老社区项目|Nanchong Integrated Medical and Elderly Care Community|现代服务业|养老、医养结合、康养|南充市顺庆区||5亿元||合作、PPP|策划|100|顺庆区投资促进局|建设集医疗、康复、养老于一体的医养社区。|Elderly-care community combining medical care, rehabilitation and housing.
SC-0089|内江成渝中部物流枢纽项目|Neijiang Chengdu-Chongqing Central Logistics Hub|现代服务业|现代物流、公路港、冷链物流|内江市市中区||10亿元||合资、PPP|前期|400|市中区投资促进局|建设公路港、冷链仓储及城乡配送中心。|Road-freight hub, cold storage and urban-rural distribution centre.
SC-0090|仁寿枇杷产业园深加工项目|Renshou Loquat Park Processing Project|现代农业|枇杷、水果、农产品加工|四川眉山仁寿县||1.8亿||独资、合作|前期|300|仁寿县投资促进局|建设枇杷分选、冷藏及枇杷膏、果汁深加工生产线。|
SC-0091|蒲江猕猴桃出口基地项目|Pujiang Kiwifruit Export Base|现代农业|猕猴桃、冷链、出口|成都市蒲江县||3亿元|2亿元|合资、合作|在谈|500|蒲江县投资促进局|建设猕猴桃标准化种植、冷链仓储及出口分拣中心。|Standardised kiwifruit orchards, cold storage and export packing.
SC-0092|攀枝花芒果产业园冷链项目|Panzhihua Mango Park Cold-chain Project|现代农业|芒果、冷链物流、热带水果|攀枝花市仁和区||1.5亿元||独资|前期|80|仁和区投资促进局|建设芒果分选包装、冷链仓储及电商配送中心。|
SC-0093|会理石榴精深加工项目||现代农业|石榴、果汁、农产品加工|凉山彝族自治州会理市||二千五百万元||独资、合资|策划|60|会理市投资促进局|建设石榴果汁、石榴籽油等精深加工生产线。|
SC-0094|西昌高原特色蔬菜产业园项目|Xichang Plateau Vegetable Park|现代农业|蔬菜、设施农业、冷链|四川省凉山彝族自治州西昌市||3亿元||合作|前期|2000|西昌市投资促进局|建设高原夏秋蔬菜设施基地及产地冷链集配中心。|
SC-0095|苍溪红心猕猴桃产业园项目|Cangxi Red-heart Kiwifruit Park|现代农业|猕猴桃、水果、农产品加工|广元市苍溪县||||合作|储备|1500|苍溪县投资促进局|建设红心猕猴桃种植基地及果酒、果干加工生产线。|
SC-0096|通江银耳精深加工项目||现代农业|银耳、食用菌、农产品加工|巴中市通江县||6000万元||独资|策划|50|通江县投资促进局|建设银耳标准化栽培及即食银耳羹生产线。|
SC-0097|开江稻渔综合种养项目|Kaijiang Rice-fish Farming Project|现代农业|稻渔综合种养、水产、粮油|达州市开江县||5000万元||合作|前期|3000|开江县投资促进局|建设稻渔综合种养示范基地及水产品加工车间。|
SC-0098|西充有机农业产业园项目|Xichong Organic Agriculture Park|现代农业|有机农业、农产品加工、电子商务|南充市西充县||3亿元||合资、合作|前期|1200|西充县投资促进局|建设有机农产品种植、加工及电商销售一体化园区。|
SC-0099|长宁竹产业精深加工项目|Changning Bamboo Processing Project|现代农业|竹产业、竹材加工、竹浆|宜宾市长宁县||6亿元||独资、合资|在谈|200|长宁县投资促进局|建设竹材重组板材、竹纤维制品及竹笋食品加工项目。|Reconstituted bamboo boards, bamboo-fibre products and bamboo-shoot foods.
SC-0100|安岳柠檬精深加工项目|Anyue Lemon Processing Project|现代农业|柠檬、精深加工、饮料|资阳市安岳县||500000000||独资、合资|前期|150|安岳县投资促进局|建设柠檬果汁、柠檬精油及功能性食品生产线。|Lemon juice, essential oil and functional foods.
SC-0101|崇州天府粮仓智慧农业示范项目|Chongzhou Tianfu Granary Smart Farming Demonstration|现代农业|智慧农业、高标准农田、粮油|成都市崇州市||4亿元||PPP、合作|前期|10000|崇州市投资促进局|建设高标准农田智慧化改造、粮食烘干及农业社会化服务中心。|Smart upgrade of high-standard farmland, grain drying and farm service centre.
SC-0102|汉源花椒深加工项目||现代农业|花椒、调味品、农产品加工|雅安市汉源县||8000万元||独资|策划|40|汉源县投资促进局|建设花椒烘干、花椒油及调味品生产线。|
SC-0103|天府国际生物城创新药CDMO项目|Tianfu International Bio-Town Innovative Drug CDMO|生物医药|创新药、CDMO、生物制药|成都市双流区|天府国际生物城|20亿元|120000万元|合资、股权合作|在谈|200|天府国际生物城管委会|建设生物药及小分子创新药合同研发生产（CDMO）平台。|Contract development and manufacturing platform for biologics and small-molecule drugs.
SC-0104|温江医学城高端医疗器械项目|Wenjiang Medical City High-end Medical Devices Project|生物医药|医疗器械、体外诊断、高值耗材|成都市温江区|成都医学城|5亿元||独资、合资|前期|100|温江区投资促进局|引进体外诊断试剂、高值医用耗材研发生产企业。|
SC-0105|彭州川芎中药材精深加工项目|Pengzhou Chuanxiong Herbal Medicine Processing|健康医药|中药材、中医药、中药饮片|成都市彭州市||3亿元||独资、合作|策划|80|彭州市投资促进局|建设川芎等道地中药材饮片、提取物生产线。|Decoction pieces and extracts of chuanxiong and other local herbs.
SC-0106|罗江医用防护用品应急产能项目|Luojiang Medical Protective Equipment Reserve Capacity|医疗防护|医用口罩、防护服、医疗防护、熔喷布|德阳市罗江区||3000万元||独资|前期|30|罗江区投资促进局|建设医用口罩、防护服生产线及应急物资储备库。|Medical masks and protective suits, with an emergency stockpile.
SC-0107|成都东部新区临空经济物流项目|Chengdu Eastern New Area Airport Economy Logistics|现代服务业|航空物流、临空经济、现代物流|成都东部新区|天府国际机场临空经济区|15亿元||合资|前期|350|成都东部新区投资促进局|在天府国际机场周边建设航空货运及临空产业物流园。|
SC-0108|新都区轨道交通产业园配套项目|Xindu Rail Transit Industrial Park Supporting Project|装备制造|轨道交通、牵引系统、零部件|成都市新都区|新都轨道交通产业园|10亿元||合资、股权合作|在谈|180|新都区投资促进局|引进轨道交通牵引、制动及信号系统配套企业。|
SC-0109|眉山"东坡味道"川菜调味品产业园项目(一期, 二期)|Meishan "Dongpo Flavour" Condiment Park (phases I and II)|食品饮料|调味品、川菜、预制菜|眉山市东坡区|眉山泡菜食品产业园|12000万元||独资、合作|前期|90|东坡区投资促进中心|一期建设复合调味料生产线；\n二期建设预制菜中央厨房及冷链仓储。|Phase I: compound seasoning lines. Phase II: a prepared-dish kitchen and cold storage.
SC-0110|德陽市旌陽區智能製造產業園項目|Deyang Jingyang Smart Manufacturing Park|裝備製造|智能製造、工業機器人、數控裝備|四川省德陽市旌陽區|德陽經濟技術開發區|15億元||合資|在談|260|旌陽區投資促進局|引進工業機器人、數控系統及智能產線集成企業。|Industrial robots, CNC systems and production-line integrators (entry written in Traditional script).
CQ-0001|两江新区新能源汽车整车配套补链项目|Liangjiang New Area NEV Supply-chain Filling Project|装备制造|新能源汽车、动力电池、热管理、汽车电子、补链|两江新区|两江新区鱼复工业园|20亿元||独资、合资|在谈|300|两江新区招商投资局|围绕区内整车企业招引动力电池、电驱动、热管理等核心零部件配套企业，补齐新能源汽车产业链。|Seeks power-battery, e-drive and thermal-management suppliers for the area's vehicle assemblers.
CQ-0002|璧山区动力电池电芯制造项目|Bishan Power Battery Cell Manufacturing Project|装备制造|动力电池、电芯、储能电池|重庆市璧山区|璧山高新区|60亿元|40亿元|合资|前期|1000|璧山区招商投资促进局|建设动力电池及储能电芯生产基地。|Power and storage battery cell plant.
CQ-0003|长寿区锂电电解液材料项目|Changshou Lithium Battery Electrolyte Project|先进材料|锂电材料、电解液、六氟磷酸锂|重庆市长寿区|长寿经济技术开发区|12亿元||独资|在谈|200|长寿区招商投资促进局|建设锂电池电解液及六氟磷酸锂生产装置。|
CQ-0004|西永微电园集成电路封测项目|Xiyong Microelectronics Park IC Packaging and Testing|电子信息|集成电路、封装测试、功率半导体|重庆市沙坪坝区|西永微电子产业园区|3500000000||合资、股权合作|在谈|300|西永微电园招商局|建设功率半导体及先进封装测试产线。|Power semiconductor and advanced packaging and test lines.
CQ-0005|永川自动驾驶示范区运营项目|Yongchuan Autonomous Driving Pilot Zone Operation|数字经济|自动驾驶、智能网联、车联网|重庆市永川区||3亿元||合作|在谈|20|永川区招商投资促进局|开展自动驾驶出租车、无人配送车示范运营及测试服务。|
CQ-0006|涪陵榨菜调味品产业园项目|Fuling Preserved Mustard Condiment Park|食品饮料|榨菜、调味品、食品加工|500102||5亿元||独资、合资|前期|150|涪陵区招商投资局|建设榨菜及复合调味品精深加工生产线。|
CQ-0007|綦江火锅食品产业园项目|Qijiang Hot-pot Food Industrial Park|食品饮料|火锅底料、调味品、预制菜|重庆市綦江区||4亿元||独资|前期|120|綦江区招商投资促进局|建设火锅底料、火锅食材及预制菜生产基地。|Hot-pot base, hot-pot ingredients and prepared dishes.
CQ-0008|果园港多式联运物流项目|Guoyuan Port Multimodal Logistics Project|现代物流|现代物流、多式联运、港口|重庆市江北区|果园港|15亿元||合资、PPP|前期|400|两江新区招商投资局|建设铁公水多式联运集疏运中心及保税仓储。|
CQ-0009|巫山长江三峡文旅项目|Wushan Three Gorges Cultural Tourism Project|文化旅游|文化旅游、长江三峡、度假|重庆市巫山县||10亿元||合作、PPP|策划|500|巫山县招商投资促进局|建设三峡峡谷观光、度假酒店及游船码头。|
CQ-0010|合川医用熔喷布及口罩项目|Hechuan Melt-blown Fabric and Mask Project|医疗防护|熔喷布、医用口罩、医疗防护|重庆市合川区||2000万元||独资|签约|20|合川区招商投资促进局|建设医用熔喷布及医用口罩生产线。|Melt-blown fabric and medical masks.
CQ-0011|重庆两江新区人工智能视觉项目|Chongqing Liangjiang AI Vision Project|人工智能|人工智能、机器视觉、工业检测|重庆两江新区|礼嘉智慧公园|5亿元||合资、股权合作|在谈|40|两江新区招商投资局|引进机器视觉检测及人工智能算法企业，服务汽车电子制造。|Machine-vision inspection and AI algorithms for automotive electronics makers.
GZ-0001|贵阳大数据中心算力集群项目|Guiyang Big Data Centre Computing Cluster|大数据电子信息|数据中心、算力、云计算|贵安新区|贵安数据中心集聚区|100亿元|50-60亿元|PPP、合资|在谈|1500|贵安新区投资促进局|建设超大型绿色数据中心及智能算力集群，服务东数西算。|Hyperscale green data centres and AI computing clusters for the East-to-West computing programme.
GZ-0002|贵阳经开区智能终端电子元器件项目|Guiyang ETDZ Smart Terminal Components Project|大数据电子信息|智能终端、电子元器件|贵州省贵阳市花溪区|贵阳经济技术开发区|500000000||独资|前期|100|贵阳经济技术开发区投资促进局|引进智能终端整机及电子元器件制造企业。|
GZ-0003|仁怀酱香酒窖藏与品鉴体验中心项目|Renhuai Sauce-aroma Liquor Cellar and Tasting Centre|优质烟酒|白酒、酱香型、酒旅融合|贵州省遵义市仁怀市||15亿元||合作|前期|200|仁怀市投资促进局|建设酱香酒窖藏库、品鉴中心及酒文化旅游设施。|Cellars, a tasting centre and liquor-culture tourism.
GZ-0004|湄潭茶产业精深加工项目|Meitan Tea Deep Processing Project|生态特色食品|茶、绿茶、茶饮料|遵义市湄潭县||2亿元||独资、合资|在谈|80|湄潭县投资促进局|建设抹茶、茶饮料及茶提取物生产线。|Matcha, tea beverages and tea extracts.
GZ-0005|七星关新型建材产业园项目||新型建材|装配式建筑、新型墙材、建材|贵州省毕节市七星关区||3亿元||独资|储备|150|七星关区投资促进局|建设装配式建筑构件及新型墙体材料生产线。|
GZ-0006|织金煤层气综合开发项目|Zhijin Coalbed Methane Development Project|基础能源|煤层气、天然气、煤炭|毕节市织金县||||合资|储备|600|织金县投资促进局|开发煤层气资源并建设配套集输管网。|
GZ-0007|乌当区苗药民族药产业化项目|Wudang Miao Ethnic Medicine Project|健康医药|中药民族药、苗药、医药|贵阳市乌当区|乌当医药食品工业园|3亿元||独资、合资|前期|80|乌当区投资促进局|建设苗药民族药提取、制剂生产线。|Extraction and formulation of Miao ethnic medicines.
GZ-0008|雷山苗寨民族文化旅游项目|Leishan Miao Village Cultural Tourism Project|文化旅游|民族文化、文化旅游、乡村旅游|贵州省黔东南苗族侗族自治州雷山县||8亿元||合作、PPP|策划|300|雷山县投资促进局|提升苗寨民族文化体验、演艺及精品民宿设施。|
GZ-0009|盘州光伏发电项目|Panzhou Photovoltaic Power Project|清洁高效电力|光伏发电、风电、清洁能源|六盘水市盘州市||20亿元||BOT|前期|3000|盘州市投资促进局|建设农光互补光伏电站。|
GZ-0010|松桃锰基新能源材料项目|Songtao Manganese-based Battery Materials Project|基础材料|锰、电解锰、锰酸锂、锂电材料|铜仁市松桃苗族自治县||12亿元||合资|在谈|250|松桃县投资促进局|建设高纯硫酸锰、锰酸锂等新能源电池材料生产线。|High-purity manganese sulphate and lithium manganate for batteries.
GZ-0011|安顺无人机研发制造项目|Anshun UAV R&D and Manufacturing Project|先进装备制造|航空、无人机、航空零部件|安顺市西秀区||5-8亿元||合资|前期|160|西秀区投资促进局|建设无人机整机研发制造及试飞基地。|
GZ-0012|福泉磷化工新能源材料项目|Fuquan Phosphorus Chemical Battery Materials Project|现代化工|磷化工、磷酸铁、新能源材料|黔南布依族苗族自治州福泉市||40亿元||合资、股权合作|在谈|800|福泉市投资促进局|依托磷资源建设磷酸铁、磷酸铁锂等新能源材料生产线。|Iron phosphate and lithium iron phosphate from local phosphate rock.
YN-0001|昆明高新区疫苗及生物制药项目|Kunming Hi-tech Zone Vaccine and Biopharma Project|生物医药|疫苗、生物制药、生物医药|昆明市五华区|昆明高新区|10亿元||合资|在谈|150|昆明高新区投资促进局|建设疫苗及生物制品研发生产基地。|Vaccine and biological products R&D and manufacturing.
YN-0002|普洱茶精深加工项目|Pu'er Tea Deep Processing Project|食品饮料|普洱茶、茶饮料、茶|普洱市思茅区||3亿元||独资、合资|前期|60|思茅区投资促进局|建设普洱茶精制、速溶茶粉及茶饮料生产线。|
YN-0003|景洪热带雨林康养旅游项目|Jinghong Rainforest Wellness Tourism Project|文化旅游|文化旅游、热带雨林、康养|西双版纳傣族自治州景洪市||20亿元||合作|策划|800|景洪市投资促进局|建设雨林康养度假区及民族文化体验园。|Rainforest wellness resort and ethnic culture park.
YN-0004|曲靖经开区动力电池材料项目|Qujing ETDZ Power Battery Materials Project|新能源电池|动力电池、磷酸铁锂、锂电材料|曲靖市麒麟区|曲靖经济技术开发区|80亿元||合资、股权合作|在谈|1200|曲靖经济技术开发区投资促进局|建设磷酸铁锂正极材料及动力电池配套项目。|LFP cathode materials and power-battery supply.
YN-0005|砚山绿色铝精深加工项目|Yanshan Green Aluminium Processing Project|先进材料|绿色铝、铝合金、铝箔|文山壮族苗族自治州砚山县||25亿元||独资、合资|前期|400|砚山县投资促进局|利用水电铝资源建设铝板带箔及电池铝箔生产线。|
YN-0006|昆明国际陆港物流项目|Kunming International Dry Port Logistics|现代物流|国际物流、中老铁路、跨境|昆明市官渡区||12亿元||合资、PPP|前期|350|官渡区投资促进局|建设中老铁路沿线国际陆港及跨境物流分拨中心。|International dry port and cross-border distribution on the China-Laos railway.
SN-0001|西安高新区集成电路制造项目|Xi'an Hi-tech Zone IC Manufacturing Project|集成电路|集成电路、芯片制造、半导体|西安高新区||50亿元|20亿元|股权合作|在谈|400|西安高新区投资合作局|建设特色工艺晶圆制造产线。|Specialty-process wafer fab.
SN-0002|高陵新能源汽车零部件产业园项目|Gaoling NEV Parts Park|新能源汽车|新能源汽车、动力电池、汽车零部件|西安市高陵区|西安经济技术开发区|20亿元||合资|前期|500|高陵区投资合作局|引进动力电池包、电驱动及车身零部件企业配套整车。|
SN-0003|宝鸡钛材深加工项目|Baoji Titanium Deep Processing Project|先进材料|钛材、钛合金、新材料|宝鸡市渭滨区|宝鸡高新区|10亿元||合资|在谈|200|渭滨区投资合作局|建设钛合金棒丝材、钛制医疗器械材料生产线。|
SN-0004|周至猕猴桃冷链物流项目|Zhouzhi Kiwifruit Cold-chain Project|现代农业|猕猴桃、冷链、农产品加工|西安市周至县||2亿元||合作|前期|120|周至县投资合作局|建设猕猴桃气调库及产地冷链集配中心。|
SN-0005|延安红色文化旅游项目|Yan'an Red Culture Tourism Project|文化旅游|红色旅游、文化旅游、研学|延安市宝塔区||6亿元||合作、PPP|策划|200|宝塔区投资合作局|建设红色研学基地及沉浸式文化体验项目。|
HB-0001|光谷光电子器件项目|Optics Valley Optoelectronic Devices Project|电子信息|光通信、光电子、激光|湖北省武汉市洪山区|武汉东湖新技术开发区|2000000000||合资、股权合作|在谈|200|东湖高新区投资促进局|建设高速光模块、激光器芯片研发生产基地。|High-speed optical modules and laser chips.
HB-0002|蔡甸智能网联汽车零部件项目|Caidian Intelligent Connected Vehicle Parts Project|新能源汽车|新能源汽车、智能网联、汽车零部件|武汉市蔡甸区|武汉经济技术开发区|25亿元||合资|前期|400|武汉经济技术开发区投资促进局|引进智能座舱、线控底盘及汽车电子企业。|
HB-0003|夷陵磷化工新能源材料项目|Yiling Phosphorus Chemical Battery Materials Project|现代化工|磷酸铁锂、磷化工、新能源材料|宜昌市夷陵区||40亿元||合资、股权合作|在谈|700|夷陵区投资促进局|建设磷酸铁及磷酸铁锂正极材料一体化项目。|
HB-0004|襄州汽车零部件产业园项目|Xiangzhou Auto Parts Park|汽车零部件|汽车零部件、底盘、轻量化|襄阳市襄州区||8亿元||独资|前期|200|襄州区投资促进局|建设汽车底盘及轻量化零部件生产基地。|
HB-0005|恩施富硒茶及食品项目||食品饮料|富硒茶、富硒食品、茶|恩施土家族苗族自治州恩施市||2亿元||独资、合作|策划|60|恩施市招商局|建设富硒茶精制及富硒食品生产线。|
HN-0001|长沙经开区工程机械液压件项目|Changsha ETDZ Construction Machinery Hydraulics Project|装备制造|工程机械、液压件、零部件|长沙市长沙县|长沙经济技术开发区|12亿元||独资、合资|在谈|200|长沙经济技术开发区投资促进局|为工程机械主机企业配套液压泵阀及油缸生产。|Hydraulic pumps, valves and cylinders for construction machinery makers.
HN-0002|马栏山视频文创直播基地项目|Malanshan Video and Live-streaming Base|数字经济|数字视频、直播电商、文创|长沙市开福区|马栏山视频文创产业园|5亿元||租赁、合作|在建|30|开福区投资促进局|建设视频制作、直播电商及数字内容生产基地。|Video production, live-streaming commerce and digital content.
HN-0003|凤凰古城文化旅游提升项目|Fenghuang Old Town Cultural Tourism Upgrade|文化旅游|文化旅游、古城、民族文化|湘西土家族苗族自治州凤凰县||||合作、PPP|策划|300|凤凰县招商合作局|提升古城夜游、民族演艺及精品酒店设施。|
HN-0004|宁乡储能电池材料项目|Ningxiang Energy Storage Battery Materials Project|先进材料|储能、锂电材料、正极材料|长沙市宁乡市|宁乡经济技术开发区|15亿元||合资|前期|300|宁乡市投资促进局|建设储能电池正极材料及前驱体生产线。|
GD-0001|坪山新能源汽车动力电池包项目|Pingshan NEV Power Battery Pack Project|新能源汽车|动力电池、电池包、储能|深圳市坪山区|坪山新能源汽车产业园|30亿元||合资、股权合作|在谈|300|坪山区投资推广署|建设动力电池包及储能系统集成生产线。|Power battery packs and storage-system integration.
GD-0002|南山区具身智能机器人项目|Nanshan Embodied AI Robotics Project|人工智能|人工智能、机器人、具身智能|深圳市南山区||USD 50 million|USD 20 million|股权合作|在谈|20|南山区投资推广署|引进具身智能机器人整机及核心零部件研发企业。|Embodied-AI robots: whole machines and core components R&D.
GD-0003|黄埔区细胞治疗生物药项目|Huangpu Cell Therapy Biologics Project|生物医药|细胞治疗、生物药、生物医药|广州市黄埔区|广州国际生物岛|20亿元||合资、股权合作|在谈|150|黄埔区投资促进局|建设细胞治疗产品研发及商业化生产基地。|
GD-0004|白云区服装直播电商产业带项目|Baiyun Apparel Live-streaming E-commerce Cluster|电子商务|直播电商、跨境电商、服装|广州市白云区||30,000万元||租赁、合作|在建|25|白云区投资促进局|建设服装直播电商基地及跨境电商供应链中心。|Apparel live-streaming base and a cross-border e-commerce supply centre.
GD-0005|顺德智能家电机器人项目|Shunde Smart Appliance Robotics Project|装备制造|智能家电、机器人、智能制造|佛山市顺德区||10亿元||独资、合资|前期|200|顺德区投资促进局|建设家电智能制造装备及服务机器人生产线。|
GD-0006|南海氢燃料电池商用车项目|Nanhai Hydrogen Fuel Cell Commercial Vehicle Project|新能源汽车|氢燃料电池、商用车、氢能|佛山市南海区||8亿元||合资|在谈|150|南海区投资促进局|建设氢燃料电池系统及商用车改装生产线。|
GD-0007|东莞消费电子智能终端项目|Dongguan Consumer Electronics Smart Terminal Project|电子信息|智能终端、消费电子、模具|广东省东莞市||15亿元||独资、合资|前期|300|东莞市投资促进局|建设智能终端整机及精密模具生产基地。|
GD-0008|横琴琴澳跨境金融服务项目|Hengqin Cross-border Financial Services Project|现代服务业|跨境金融、琴澳合作、商务服务|珠海市香洲区|横琴粤澳深度合作区|10亿港元||合资、合作|在谈|10|横琴粤澳深度合作区经济发展局|引进跨境金融、财富管理及专业服务机构。|Cross-border finance, wealth management and professional services.
GD-0009|大亚湾石化新材料项目|Daya Bay Petrochemical New Materials Project|能源化工|石化、新材料、高端聚烯烃|惠州市惠阳区|大亚湾石化区|100亿元||合资|前期|1500|大亚湾开发区投资促进局|建设高端聚烯烃及专用化学品装置。|
JS-0001|苏州工业园区集成电路封装测试项目|Suzhou Industrial Park IC Packaging and Testing Project|集成电路|集成电路、封装测试、先进封装|苏州工业园区||40亿元|25亿元|合资、股权合作|在谈|200|苏州工业园区投资促进委员会|建设先进封装及测试产线，配套园区芯片设计企业。|Advanced packaging and test lines for the park's chip design firms.
JS-0002|苏州工业园区生物医药抗体药物项目|Suzhou Industrial Park Antibody Drug Project|生物医药|生物药、抗体、生物医药|江苏省苏州市苏州工业园区|苏州生物医药产业园|3000万美元||股权合作|在谈|30|苏州工业园区投资促进委员会|建设抗体药物研发中试平台。|Pilot-scale platform for antibody drug development.
JS-0003|江北新区芯片设计及EDA项目|Jiangbei New Area Chip Design and EDA Project|集成电路|芯片设计、EDA、集成电路|南京市浦口区|南京江北新区|5亿元||股权合作|前期|20|江北新区投资促进局|引进芯片设计及EDA工具研发企业。|
JS-0004|雨花台区信创软件项目|Yuhuatai Domestic Software Project|数字经济|软件、信创、信息技术服务|南京市雨花台区|中国（南京）软件谷|3亿元||租赁、合作|在谈|15|雨花台区投资促进局|引进信创基础软件及行业应用软件企业。|
JS-0005|无锡高新区物联网传感器项目|Wuxi Hi-tech Zone IoT Sensor Project|电子信息|物联网、传感器、MEMS|无锡市新吴区|无锡高新区|1000000000||合资|前期|150|新吴区投资促进局|建设MEMS传感器及物联网模组生产线。|MEMS sensors and IoT modules.
JS-0006|金坛动力电池储能电池项目|Jintan Power and Storage Battery Project|新能源汽车|动力电池、储能电池、电芯|常州市金坛区||80亿元||合资|在谈|1100|金坛区投资促进局|建设动力电池及储能电池电芯、模组生产基地。|
JS-0007|宜兴光伏组件项目|Yixing PV Module Project|新能源|光伏组件、光伏|无锡市宜兴市||6亿元||独资|前期|120|宜兴市投资促进局|建设高效光伏组件生产线。|
JS-0008|大丰海上风电装备产业园项目|Dafeng Offshore Wind Equipment Park|新能源|海上风电、风电装备|盐城市大丰区||50亿元||合资|前期|1000|大丰区投资促进局|建设海上风电主机、叶片及塔筒生产基地。|Offshore wind turbines, blades and towers.
ZJ-0001|镇海高分子新材料项目|Zhenhai Polymer New Materials Project|先进材料|高分子材料、新材料、化工新材料|宁波市镇海区|宁波石化经济技术开发区|EUR 250 million||合资|在谈|300|镇海区投资促进中心|建设高性能工程塑料及特种高分子材料生产线。|High-performance engineering plastics and specialty polymers.
ZJ-0002|北仑汽车零部件轻量化项目|Beilun Lightweight Auto Parts Project|汽车零部件|汽车零部件、轻量化、汽车电子|浙江省宁波市北仑区||8亿元||独资|前期|150|北仑区投资促进中心|建设铝合金压铸车身件及汽车电子生产线。|Aluminium die-cast body parts and automotive electronics.
ZJ-0003|余杭未来科技城人工智能算力项目|Yuhang Future Sci-Tech City AI Computing Project|人工智能|人工智能、大模型、算力|杭州市余杭区|未来科技城|10亿元||合资、合作|在谈|40|余杭区投资促进局|建设人工智能算力平台及大模型应用企业集聚区。|AI computing platform and a cluster for large-model application firms.
ZJ-0004|滨江区直播电商总部项目|Binjiang Live-streaming E-commerce HQ Project|电子商务|直播电商、跨境电商、总部经济|杭州市滨江区||||租赁|在谈||滨江区投资促进局|引进直播电商及跨境电商企业总部入驻。|
ZJ-0005|义乌国际物流枢纽项目|Yiwu International Logistics Hub|现代物流|国际物流、小商品、跨境电商|金华市义乌市||12亿元||合资|前期|300|义乌市投资促进局|建设国际物流分拨中心及海外仓服务平台。|
ZJ-0006|安吉白茶茶旅融合项目|Anji White Tea and Tourism Project|文化旅游|白茶、茶旅融合、乡村旅游|湖州市安吉县||3亿元||合作|策划|200|安吉县投资促进局|建设白茶文化体验园及茶园民宿。|
SH-0001|临港新片区半导体装备项目|Lingang Semiconductor Equipment Project|集成电路|半导体设备、集成电路、零部件|上海市浦东新区|临港新片区|25亿元||合资、股权合作|在谈|150|临港新片区管委会投资促进处|建设半导体设备及核心零部件研发制造基地。|Semiconductor equipment and core components.
SH-0002|张江创新药研发中心项目|Zhangjiang Innovative Drug R&D Centre|生物医药|创新药、CRO、生物医药|上海市浦东新区|张江科学城|5000万美元||股权合作、租赁|在谈|10|张江科学城投资促进中心|引进创新药研发及合同研究（CRO）企业入驻研发楼宇。|
SH-0003|徐汇人工智能产业集聚区项目|Xuhui AI Cluster Project|人工智能|人工智能、机器人、大模型|上海市徐汇区||10亿元||租赁、合作|在谈|20|徐汇区投资促进办公室|建设人工智能企业集聚楼宇及公共算力平台。|
SH-0004|嘉定智能网联汽车芯片项目|Jiading Connected Vehicle Chip Project|新能源汽车|智能网联汽车、汽车芯片、新能源汽车|上海市嘉定区||15亿元||合资|前期|100|嘉定区投资促进中心|建设车规级芯片设计及测试验证中心。|Automotive-grade chip design and validation centre.
BJ-0001|北京经开区具身智能机器人项目|Beijing ETDZ Embodied Robotics Project|人工智能|机器人、具身智能、人工智能|北京市大兴区|北京经济技术开发区|10亿元||股权合作|在谈|60|北京经济技术开发区投资促进局|建设人形机器人整机及关键零部件研发生产基地。|Humanoid robots and key components.
BJ-0002|中关村软件园数据要素服务项目|Zhongguancun Software Park Data Services Project|数字经济|软件、数据要素、数据交易|北京市海淀区|中关村软件园|||租赁、合作|在谈||海淀区投资促进局|引进数据要素流通、数据安全及软件服务企业。|
BJ-0003|朝阳区文化创意产业园项目|Chaoyang Cultural and Creative Industry Park|现代服务业|文化创意、数字文创、会展|北京市朝阳区||8亿元||合作、租赁|前期|50|朝阳区投资促进局|将老旧厂房改造为文化创意产业园区。|Conversion of old factory buildings into a creative-industry park.
TJ-0001|滨海新区信创产业园项目|Binhai New Area Domestic-IT Park|数字经济|信创、服务器、软件|天津市滨海新区||20亿元||合资|在谈|200|滨海新区投资促进局|引进信创整机、基础软件及安全产品企业。|
TJ-0002|天津港冷链物流中心项目|Tianjin Port Cold-chain Logistics Centre|现代物流|冷链物流、港口、保税|天津市滨海新区|天津港保税区|8亿元||合资|前期|200|天津港保税区投资促进局|建设进口冷链查验、冷库及分拨中心。|
TJ-0003|武清电商产业园项目||电子商务|电子商务、直播电商、仓储物流|天津市武清区||||租赁、合作|在建|80|武清区投资促进局|建设电商仓储、直播基地及运营服务中心。|
HE-0001|雄安新区数字城市服务项目|Xiong'an Digital City Services Project|数字经济|数字城市、物联网、大数据|保定市容城县|雄安新区|15-20亿元||合作、PPP|在谈|100|雄安新区改革发展局|建设城市物联网感知及数字孪生城市服务平台。|Urban IoT sensing and a digital-twin city platform.
HE-0002|石家庄高新区生物医药项目|Shijiazhuang Hi-tech Zone Biopharma Project|生物医药|生物医药、原料药、制剂|石家庄市栾城区|石家庄高新技术产业开发区|12亿元||合资|前期|200|石家庄高新区投资促进局|建设高端制剂及生物药生产基地。|
HE-0003|曹妃甸新材料产业园项目|Caofeidian New Materials Park|先进材料|新材料、高端钢材、新型建材|唐山市曹妃甸区||35亿元||合资|前期|800|曹妃甸区投资促进局|建设高端钢材深加工及新型建材生产基地。|
AH-0001|合肥经开区新能源汽车整车及电池项目|Hefei ETDZ NEV and Battery Project|新能源汽车|新能源汽车、整车、动力电池|合肥经济技术开发区||50亿元||合资|在谈|1200|合肥经济技术开发区投资促进局|建设新能源汽车整车及动力电池配套生产基地。|NEV assembly with power-battery supply.
AH-0002|合肥高新区显示驱动芯片项目|Hefei Hi-tech Zone Display Driver Chip Project|集成电路|显示驱动芯片、集成电路、芯片设计|安徽省合肥市蜀山区|合肥高新技术产业开发区|20亿元||股权合作|前期|100|合肥高新区投资促进局|建设显示驱动芯片设计及测试基地。|
AH-0003|弋江区工业机器人减速器项目|Yijiang Industrial Robot Reducer Project|装备制造|机器人、减速器、智能制造|芜湖市弋江区||6亿元||独资|前期|100|弋江区投资促进局|建设机器人精密减速器及伺服电机生产线。|
AH-0004|黟县徽州古村落文旅项目|Yixian Huizhou Ancient Village Tourism Project|文化旅游|文化旅游、古村落、民宿|黄山市黟县||8亿元||合作|策划|300|黟县投资促进局|保护开发徽州古村落，建设精品民宿及文化体验设施。|
FJ-0001|厦门海沧化合物半导体项目|Xiamen Haicang Compound Semiconductor Project|电子信息|化合物半导体、集成电路、射频芯片|厦门市海沧区||USD 180 million||合资|在谈|150|海沧区投资促进局|建设化合物半导体射频及光电芯片生产线。|Compound-semiconductor RF and optoelectronic chips.
FJ-0002|宁德锂电新能源产业园配套项目|Ningde Lithium Battery Park Supporting Project|新能源|锂电池、储能、锂电材料|宁德市蕉城区||120亿元||合资|在谈|1800|蕉城区投资促进局|为锂电池龙头企业配套材料、结构件及设备企业。|
FJ-0003|马尾区数字经济产业园项目|Mawei Digital Economy Park|数字经济|软件、物联网、大数据|福州市马尾区||3亿元||租赁、合作|前期|40|马尾区投资促进局|建设物联网及软件企业孵化楼宇。|
FJ-0004|安溪铁观音精深加工项目|Anxi Tieguanyin Tea Processing Project|食品饮料|铁观音、茶、茶饮料|泉州市安溪县||1.5亿元||独资|前期|50|安溪县投资促进局|建设乌龙茶精制及茶饮料生产线。|
SD-0001|青岛西海岸新区海洋生物项目|Qingdao West Coast Marine Biology Project|生物医药|海洋生物、生物医药、功能食品|青岛市黄岛区|青岛西海岸新区|12亿元||合资|前期|200|西海岸新区投资促进局|建设海洋生物医药及功能食品生产基地。|Marine biomedicine and functional foods.
SD-0002|历下区信创软件园项目|Lixia Domestic Software Park|数字经济|信创、软件、大数据|济南市历下区||||租赁、合作|在谈|30|历下区投资促进局|引进信创软件及大数据服务企业。|
SD-0003|福山化工新材料项目|Fushan Chemical New Materials Project|能源化工|化工新材料、精细化工|烟台市福山区||2800000000||合资|前期|500|福山区投资促进局|建设高端化工新材料及精细化学品装置。|
SD-0004|诸城预制菜产业园项目||食品饮料|预制菜、肉制品、食品加工|潍坊市诸城市||3亿元||独资|前期|120|诸城市投资促进局|建设预制菜及调理肉制品生产线。|
GX-0001|南宁自贸片区东盟跨境电商项目|Nanning FTZ ASEAN Cross-border E-commerce Project|电子商务|跨境电商、东盟、海外仓|南宁市良庆区|中国（广西）自由贸易试验区南宁片区|5亿元||合资、合作|在谈|60|南宁市投资促进局|建设面向东盟的跨境电商产业园及海外仓服务平台。|Cross-border e-commerce park for ASEAN markets with overseas warehouses.
GX-0002|柳州新能源汽车零部件项目|Liuzhou NEV Parts Project|新能源汽车|新能源汽车、汽车零部件、微型电动车|柳州市鱼峰区||15亿元||独资、合资|前期|300|鱼峰区投资促进局|为微型电动车整车企业配套电池包、电机及车身件。|
GX-0003|钦州港西部陆海新通道物流项目|Qinzhou Port New Land-Sea Corridor Logistics|现代物流|港口物流、多式联运、海铁联运|钦州市钦南区|钦州港片区|2000000000||合资、PPP|前期|600|钦南区投资促进局|建设海铁联运集装箱中心及冷链物流设施。|
GX-0004|阳朔山水文旅项目|Yangshuo Landscape Tourism Project|文化旅游|文化旅游、山水旅游、演艺|桂林市阳朔县||6亿元||合作|策划|200|阳朔县投资促进局|建设山水实景演艺及度假民宿集群。|
GS-0001|兰州新区精细化工项目|Lanzhou New Area Fine Chemicals Project|能源化工|精细化工、化工新材料|兰州新区||20亿元||独资、合资|前期|500|兰州新区投资促进局|建设精细化工及化工新材料装置。|
GS-0002|瓜州风光储一体化项目|Guazhou Wind-Solar-Storage Project|新能源|风电、光伏、储能|酒泉市瓜州县||60亿元||BOT、合资|前期|6000|瓜州县发展和改革局|建设风光储一体化清洁能源基地。|Integrated wind, solar and storage base.
GS-0003|天水集成电路封测配套项目|Tianshui IC Packaging Supporting Project|集成电路|集成电路、封装测试、引线框架|天水市秦州区||8亿元||独资|在谈|150|秦州区投资促进局|建设引线框架、封装材料等集成电路封测配套项目。|
GS-0004|敦煌文化旅游演艺项目|Dunhuang Cultural Tourism Performance Project|文化旅游|文化旅游、演艺、研学|酒泉市敦煌市||10亿元||合作|策划|300|敦煌市投资促进局|建设沉浸式敦煌文化演艺及研学基地。|
JX-0001|宜春锂电新能源材料项目|Yichun Lithium Battery Materials Project|先进材料|锂云母、碳酸锂、锂电材料|宜春市袁州区||40亿元||合资、股权合作|前期|700|袁州区投资促进局|利用锂云母资源建设电池级碳酸锂及锂电材料生产线。|
JX-0002|赣州稀土永磁电机项目|Ganzhou Rare-earth Permanent Magnet Motor Project|先进材料|稀土永磁、永磁电机、新材料|赣州市章贡区||10亿元||合资|在谈|200|章贡区投资促进局|建设稀土永磁材料及高效永磁电机生产线。|
"""

# Projects whose entries are older than 18 months before the list date, so the widget marks them
# "possibly stale". Every other project gets a date between 2025-06-01 and 2026-10-28.
STALE = {
    "SC-0014": "2023-06-15", "SC-0031": "2023-11-20", "SC-0046": "2024-03-08",
    "SC-0050": "2024-05-30", "SC-0058": "2023-09-12", "SC-0063": "2024-01-18",
    "SC-0085": "2024-08-26", "SC-0097": "2024-10-09", "GZ-0005": "2023-04-21",
    "GZ-0006": "2024-02-27", "HB-0004": "2024-06-14", "HE-0003": "2025-01-10",
    "GS-0003": "2024-11-05", "TJ-0003": "2025-03-20", "SD-0004": "2023-12-01",
}

# Hand-set extras. Everything else in the optional fields is filled by the rules in `extras()`.
EXTRA = {
    "SC-0001": {"priority": 90, "irr_pct": 14.5, "payback_years": 7, "jobs": 3200, "annual_output": "120亿元",
                "benefits": "区内整车企业年产能超过百万辆，动力电池本地配套率不足三成，项目投产即有稳定订单。",
                "policies": "享受西部大开发15%企业所得税优惠；按设备投资额给予最高10%的补助，人才公寓优先保障。"},
    "SC-0040": {"priority": 95, "irr_pct": 13.0, "payback_years": 8, "jobs": 6000, "annual_output": "300亿元"},
    "SC-0039": {"priority": 85, "irr_pct": 12.0, "payback_years": 7.5, "jobs": 1500, "annual_output": "90亿元"},
    "CQ-0001": {"priority": 85, "benefits": "区内整车企业对电池、电驱、热管理零部件本地化采购需求迫切，可签订长期供货协议。"},
    "GZ-0001": {"priority": 90, "irr_pct": 9.5, "payback_years": 11, "jobs": 800},
    "SC-0064": {"priority": 80},
    "SC-0086": {"priority": 60, "jobs": 5000},
    "SC-0106": {"priority": 40, "jobs": 120, "annual_output": "8000万元"},
    "CQ-0010": {"priority": 35, "jobs": 80, "annual_output": "6000万元"},
    "SC-0109": {"benefits": "依托中国泡菜城的原料和品牌基础，\"东坡味道\"系列产品已进入全国商超渠道。"},
}

# Projects in fixtures that should carry every optional field (english-headers.csv shows all keys).
FULL = {"SC-0001", "SC-0110", "SC-0039", "CQ-0001", "GZ-0001", "GD-0008", "ZJ-0001", "JS-0002"}

PROVINCE_OF_PREFIX = {
    "SC": "四川", "CQ": "重庆", "GZ": "贵州", "YN": "云南", "SN": "陕西", "HB": "湖北", "HN": "湖南",
    "GD": "广东", "JS": "江苏", "ZJ": "浙江", "SH": "上海", "BJ": "北京", "TJ": "天津", "HE": "河北",
    "AH": "安徽", "FJ": "福建", "SD": "山东", "GX": "广西", "GS": "甘肃", "JX": "江西",
}
WESTERN = {"SC", "CQ", "GZ", "YN", "SN", "GX", "GS"}

# Telephone area codes, matched against region, park and contact organisation; the first match by
# position in the text wins (so 乐山市峨眉山市 is Leshan, not Meishan).
AREA_CODES = [
    ("成都", "028"), ("龙泉驿", "028"), ("双流", "028"), ("郫都", "028"), ("天府", "028"), ("眉山", "028"),
    ("资阳", "028"), ("绵阳", "0816"), ("德阳", "0838"), ("德陽", "0838"), ("广汉", "0838"), ("宜宾", "0831"),
    ("泸州", "0830"), ("乐山", "0833"), ("峨眉", "0833"), ("攀枝花", "0812"), ("南充", "0817"), ("达州", "0818"),
    ("雅安", "0835"), ("遂宁", "0825"), ("射洪", "0825"), ("自贡", "0813"), ("内江", "0832"), ("广安", "0826"),
    ("凉山", "0834"), ("西昌", "0834"), ("广元", "0839"), ("巴中", "0827"), ("阿坝", "0837"), ("甘孜", "0836"),
    ("重庆", "023"), ("两江", "023"), ("贵阳", "0851"), ("贵安", "0851"), ("遵义", "0851"), ("毕节", "0857"),
    ("六盘水", "0858"), ("铜仁", "0856"), ("安顺", "0851"), ("黔南", "0854"), ("黔东南", "0855"), ("昆明", "0871"),
    ("普洱", "0879"), ("西双版纳", "0691"), ("曲靖", "0874"), ("文山", "0876"), ("西安", "029"), ("宝鸡", "0917"),
    ("延安", "0911"), ("武汉", "027"), ("宜昌", "0717"), ("襄阳", "0710"), ("恩施", "0718"), ("长沙", "0731"),
    ("湘西", "0743"), ("深圳", "0755"), ("广州", "020"), ("佛山", "0757"), ("东莞", "0769"), ("珠海", "0756"),
    ("惠州", "0752"), ("苏州", "0512"), ("南京", "025"), ("无锡", "0510"), ("常州", "0519"), ("盐城", "0515"),
    ("宁波", "0574"), ("杭州", "0571"), ("金华", "0579"), ("湖州", "0572"), ("上海", "021"), ("北京", "010"),
    ("天津", "022"), ("保定", "0312"), ("石家庄", "0311"), ("唐山", "0315"), ("合肥", "0551"), ("芜湖", "0553"),
    ("黄山", "0559"), ("厦门", "0592"), ("宁德", "0593"), ("福州", "0591"), ("泉州", "0595"), ("青岛", "0532"),
    ("济南", "0531"), ("烟台", "0535"), ("潍坊", "0536"), ("南宁", "0771"), ("柳州", "0772"), ("钦州", "0777"),
    ("桂林", "0773"), ("兰州", "0931"), ("酒泉", "0937"), ("天水", "0938"), ("宜春", "0795"), ("赣州", "0797"),
]
CODE_AREA = {"5101": "028", "5006": "023", "5001": "023", "5106": "0838"}

SURNAMES = "张李王刘陈杨赵黄周吴徐孙马朱胡郭何林罗高"

BENEFITS = {
    "make": "项目达产后可形成本地配套能力，就近服务区域龙头企业，降低物流与协作成本。",
    "food": "依托本地特色原料和品牌基础，市场需求稳定，产品可辐射全国。",
    "digital": "区域算力、数据和人才资源集中，应用场景丰富，可享受公共算力和场景开放支持。",
    "service": "区位交通便利，客流和货源基础好，可与周边园区、景区和商圈联动发展。",
    "farm": "原料基地成熟，冷链和电商渠道完善，可带动周边农户增收。",
    "energy": "资源禀赋突出，用能成本低，供水、供气、电网等配套基础设施完善。",
    "bio": "园区已聚集研发机构和生产企业，检测、中试等公共服务平台完备。",
}
POLICIES = {
    "west": "符合条件的企业可享受西部大开发15%企业所得税优惠；重大项目\"一事一议\"给予固定资产投资补助。",
    "other": "按照当地招商引资政策给予土地、厂房租金及设备投资补助，重大项目\"一事一议\"。",
}


def sector_group(sector: str) -> str:
    """Which BENEFITS text fits a sector (first match wins)."""
    for group, words in (
        ("make", ("汽车", "装备", "製造", "制造", "电池", "零部件")),
        ("bio", ("医药", "医疗", "防护", "生物")),
        ("food", ("食品", "饮料", "烟酒")),
        ("farm", ("农业",)),
        ("digital", ("数字", "信息", "人工智能", "集成电路", "电子商务", "大数据")),
        ("energy", ("能源", "化工", "电力")),
        ("service", ("服务", "物流", "旅游")),
    ):
        if any(w in sector for w in words):
            return group
    return "make"


def h(pid: str) -> int:
    """A small stable hash of an id (Python's own hash() is salted per process)."""
    return sum((i + 1) * ord(c) for i, c in enumerate(pid))


# ------------------------------------------------------------------------------------------
# Money: a small reader for the forms this script writes (the summary, derived seeking and
# annual output, and the expected values in money-forms.csv are checked against it).
# ------------------------------------------------------------------------------------------

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10_000, "亿": 100_000_000}


def cn_number(s: str) -> int:
    total, section, digit = 0, 0, 0
    for ch in s:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL:
            section += (digit or 1) * CN_SMALL[ch]
            digit = 0
        elif ch in CN_BIG:
            section += digit
            total = (total + section) * CN_BIG[ch] if CN_BIG[ch] > 10_000 else total + section * CN_BIG[ch]
            section, digit = 0, 0
        else:
            raise ValueError(s)
    return total + section + digit


def money(text) -> tuple[int, int] | None:
    """(min, max) in yuan, None when blank. Raises ValueError on text it does not know."""
    if isinstance(text, int):
        return (text, text)
    t = text.strip().replace("億", "亿").replace("萬", "万").replace(",", "").replace(" ", "")
    if t in ("", "待定"):
        return None
    m = re.fullmatch(r"(?i)(USD|EUR|HKD|RMB)(\d+(?:\.\d+)?)(million|billion)", t)
    if m:
        rate = {"USD": FX["USD"], "EUR": FX["EUR"], "HKD": FX["HKD"], "RMB": 1}[m.group(1).upper()]
        v = float(m.group(2)) * (1e6 if m.group(3).lower() == "million" else 1e9) * rate
        return (round(v), round(v))
    rate = 1.0
    for word, r in (("美元", FX["USD"]), ("港元", FX["HKD"]), ("欧元", FX["EUR"])):
        if t.endswith(word):
            t, rate = t[: -len(word)], r
    t = t.removesuffix("元")
    bound = None
    for word, b in (("以上", ">="), ("以内", "<=")):
        if t.endswith(word):
            t, bound = t[: -len(word)], b
    unit = 1
    if t.endswith("亿") and not re.fullmatch(r"[零〇一二两三四五六七八九十百千万亿]+", t):
        t, unit = t[:-1], 100_000_000
    elif t.endswith("万") and not re.fullmatch(r"[零〇一二两三四五六七八九十百千万亿]+", t):
        t, unit = t[:-1], 10_000
    m = re.fullmatch(r"(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)", t)
    if m:
        return (round(float(m.group(1)) * unit * rate), round(float(m.group(2)) * unit * rate))
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        v = round(float(t) * unit * rate)
    elif re.fullmatch(r"[零〇一二两三四五六七八九十百千万亿]+", t):
        v = round(cn_number(t) * rate)
    else:
        raise ValueError(text)
    if bound == ">=":
        return (v, 10**18)
    if bound == "<=":
        return (0, v)
    return (v, v)


def money_form(text) -> str:
    """The written form of an amount, for the summary."""
    if isinstance(text, int):
        return "integer yuan (JSON number)"
    t = text.strip()
    if not t:
        return "blank (not published)"
    for pattern, name in (
        (r"\d+-\d+亿元?", "range 5-10亿元"),
        (r"(USD|EUR|HKD) \d+ million", "currency code + million (USD/EUR 50 million)"),
        (r"\d+万美元", "N万美元"),
        (r"\d+亿港元", "N亿港元"),
        (r"\d{1,3}(,\d{3})+万元", "thousands separator 1,200万元"),
        (r"[零〇一二两三四五六七八九十百千万亿]+元?", "Chinese numerals 五千万元"),
        (r"\d+億元", "Traditional 30億元"),
        (r"\d+\.\d+亿", "N.N亿 (no 元)"),
        (r"\d+\.\d+亿元", "N.N亿元"),
        (r"\d+亿元", "N亿元"),
        (r"\d+万元", "N万元"),
    ):
        if re.fullmatch(pattern, t):
            return name
    return "other: " + t


def fmt_yuan(v: int) -> str:
    """Writes yuan the way a list would: 12亿元, 1.5亿元, 8000万元."""
    if v >= 100_000_000:
        x = v / 100_000_000
        return (f"{x:.1f}".rstrip("0").rstrip(".")) + "亿元"
    return f"{round(v / 10_000)}万元"


# ------------------------------------------------------------------------------------------
# Building the projects
# ------------------------------------------------------------------------------------------

KEYS = [
    "id", "name", "name_en", "sector", "tags", "region", "park", "investment", "seeking", "cooperation",
    "stage", "land_mu", "description", "description_en", "benefits", "policies", "contact_org",
    "contact_name", "contact_phone", "contact_email", "priority", "irr_pct", "payback_years", "jobs",
    "annual_output", "updated", "url",
]


def area_code(p: dict) -> str:
    region = p["region"]
    if region.isdigit():
        for prefix, code in CODE_AREA.items():
            if region.startswith(prefix):
                return code
    text = region + " " + p.get("park", "") + " " + p["contact_org"]
    hits = [(text.find(k), -len(k), code) for k, code in AREA_CODES if k in text]
    if not hits:
        raise SystemExit(f"no area code for {p['id']} {text}")
    return min(hits)[2]


def parse_table() -> list[dict]:
    projects = []
    for line in PROJECTS.strip().split("\n"):
        f = line.split("|")
        if len(f) != 15:
            raise SystemExit(f"bad table line ({len(f)} fields): {line}")
        pid, name, name_en, sector, tags, region, park, inv, seek, coop, stage, land, org, desc, desc_en = f
        p = {
            "id": pid, "name": name, "name_en": name_en, "sector": sector,
            "tags": [t for t in tags.split("、") if t], "region": region, "park": park,
            "investment": int(inv) if inv.isdigit() else inv,
            "seeking": int(seek) if seek.isdigit() else seek,
            "cooperation": [c for c in coop.split("、") if c], "stage": stage,
            "land_mu": int(land) if land else "", "contact_org": org,
            "description": desc.replace("\\n", "\n"), "description_en": desc_en,
        }
        projects.append(p)
    ids = [p["id"] for p in projects]
    dupes = [i for i, n in Counter(ids).items() if n > 1]
    if dupes:
        raise SystemExit(f"duplicate ids in the table: {dupes}")
    return projects


def extras(p: dict, index: int) -> None:
    """Fills the optional fields by fixed rules, then applies EXTRA; nothing random."""
    pid, k = p["id"], h(p["id"])
    full = pid in FULL
    prefix = pid[:2]
    amount = money(p["investment"])
    mid = None if amount is None else (amount[0] + amount[1]) // 2
    group = sector_group(p["sector"])

    # seeking on about half: explicit in the table, or derived from the investment
    if not p["seeking"] and mid and isinstance(p["investment"], str) and re.fullmatch(r"\d+(\.\d+)?(亿元|亿|万元)", p["investment"]):
        if k % 4 == 0:
            p["seeking"] = p["investment"]
        elif k % 4 == 1:
            p["seeking"] = fmt_yuan(mid * 6 // 10)
    if not p["seeking"] and mid and full:
        p["seeking"] = fmt_yuan(mid * 6 // 10)
    # contacts: fictional placeholders
    p["contact_name"] = SURNAMES[k % len(SURNAMES)] + ("先生" if k % 2 else "女士")
    if k % 11 != 3 or full:
        p["contact_phone"] = f"{area_code(p)}-0000{index + 1:04d}"
    if k % 7 != 2 or full:
        domain = "example.cn" if k % 3 == 0 else "example.org"
        p["contact_email"] = f"invest-{pid.lower()}@{domain}"
    if k % 5 in (0, 1) or full:
        domain = "example.cn" if k % 2 else "example.org"
        p["url"] = f"https://{domain}/opportunities/{pid.lower()}"
    # returns and impact, on the projects with an amount
    if mid and (k % 2 == 0 or full) and (group != "service" or full):
        p["irr_pct"] = round(8 + (k % 90) / 10, 1)
        p["payback_years"] = round(4 + (k % 70) / 10, 1)
        p["jobs"] = max(20, round(mid / (2_000_000 + (k % 5) * 1_000_000) / 10) * 10)
        p["annual_output"] = fmt_yuan(mid * (10 + k % 8) // 10)
    elif mid and (k % 3 == 0 or full):
        p["jobs"] = max(20, round(mid / 3_000_000 / 10) * 10)
    if k % 3 == 0 or full:
        p["priority"] = 50 + k % 41
    if k % 2 == 1 or full:
        p["benefits"] = BENEFITS[group]
    if k % 3 != 1 or full:
        p["policies"] = POLICIES["west" if prefix in WESTERN else "other"]
    p["updated"] = STALE.get(pid) or (date(2025, 6, 1) + timedelta(days=(k * 53) % 515)).isoformat()
    p.update(EXTRA.get(pid, {}))
    if full:
        for key in KEYS:
            if key not in p or p[key] in ("", [], None):
                raise SystemExit(f"{pid} is in FULL but has no {key}")


def ordered(p: dict) -> dict:
    """The project with its keys in the order of README's list format and the blank ones left out."""
    return {key: p[key] for key in KEYS if key in p and p[key] not in ("", [], None)}


def build() -> list[dict]:
    projects = parse_table()
    for i, p in enumerate(projects):
        extras(p, i)
    return [ordered(p) for p in projects]


# ------------------------------------------------------------------------------------------
# Writing
# ------------------------------------------------------------------------------------------

LIST_META = {
    "format": "opportunity-list/1",
    "title": "投资机遇清单（示例数据，虚构，仅供演示） / Illustrative opportunity list (fictional, for demonstration)",
    "publisher": "opportunity-matcher 示例数据（虚构） / opportunity-matcher sample data (fictional)",
    "notice": (
        "示例数据：本清单中的项目名称、金额、园区、联系人、电话、邮箱和链接均为虚构，仅用于演示 opportunity-matcher，"
        "不代表任何地方政府发布的真实项目，也不构成投资邀约。"
        " Illustrative data: every project, amount, contact, phone number, e-mail address and link in this list "
        "is fictional, made for demonstrating opportunity-matcher; it is not published by any government and is "
        "not an invitation to invest."
    ),
    "updated": LIST_UPDATED,
    "currency": "CNY",
    "fx": FX,
}


def cell(p: dict, key: str, sep: str = "、") -> str:
    v = p.get(key, "")
    if isinstance(v, list):
        return sep.join(v)
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def csv_text(header: list[str], rows: list[list[str]], crlf: bool = False) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n" if crlf else "\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def json_lines(projects: list[dict], meta: dict | None = None) -> str:
    """JSON with one project a line: readable, and diffs stay small."""
    body = ",\n".join("    " + json.dumps(p, ensure_ascii=False) for p in projects)
    if meta is None:
        text = "[\n" + ",\n".join("  " + json.dumps(p, ensure_ascii=False) for p in projects) + "\n]\n"
    else:
        head = "".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},\n" for k, v in meta.items())
        text = "{\n" + head + '  "projects": [\n' + body + "\n  ]\n}\n"
    json.loads(text)  # must stay valid JSON
    return text


def write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    print(f"wrote {path.relative_to(ROOT)} ({len(data):,} bytes)")


# The ~30 projects of the sample-* fixtures: every Chengdu battery project and its competitors
# elsewhere, one or more of every Sichuan sector, a code region, a zone, a park in the region,
# a blank amount, and SC-0109 (name with a comma and a double quote, description with a line
# break) and SC-0073 (1,200万元).
SAMPLE_IDS = [
    "SC-0001", "SC-0002", "SC-0003", "SC-0004", "SC-0016", "SC-0018", "SC-0024", "SC-0026", "SC-0029",
    "SC-0030", "SC-0032", "SC-0039", "SC-0040", "SC-0041", "SC-0044", "SC-0060", "SC-0064", "SC-0066",
    "SC-0073", "SC-0077", "SC-0086", "SC-0091", "SC-0106", "SC-0109", "CQ-0001", "CQ-0002", "GZ-0001",
    "GZ-0003", "GD-0001", "GD-0002", "JS-0001", "ZJ-0004",
]
SAMPLE_COLS = [
    ("项目编号", "id"), ("项目名称", "name"), ("英文名称", "name_en"), ("所属行业", "sector"),
    ("细分领域", "tags"), ("项目地点", "region"), ("所在园区", "park"), ("总投资", "investment"),
    ("拟引资额", "seeking"), ("合作方式", "cooperation"), ("项目阶段", "stage"), ("用地面积(亩)", "land_mu"),
    ("项目简介", "description"), ("联系单位", "contact_org"), ("联系人", "contact_name"),
    ("联系电话", "contact_phone"), ("电子邮箱", "contact_email"), ("更新日期", "updated"), ("链接", "url"),
]

ENGLISH_IDS = ["SC-0001", "SC-0110", "SC-0039", "CQ-0001", "GZ-0001", "GD-0008", "ZJ-0001", "JS-0002"]
# list separators used in english-headers.csv, one per row in turn (all are in README's list format)
ENGLISH_SEPS = ["、", ";", "/", ",", " ", "，", "；", "、"]

VARIANT_IDS = ["SC-0028", "SC-0057", "SC-0083", "SC-0099", "HB-0001", "SD-0003"]
VARIANT_COLS = [
    ("序号", None), ("名称", "name"), ("产业类别", "sector"), ("标签", "tags"), ("建设地点", "region"),
    ("园区", "park"), ("投资总额", "investment"), ("招商金额", "seeking"), ("项目进展", "stage"),
    ("用地(亩)", "land_mu"), ("建设内容", "description"), ("联系单位", "contact_org"), ("联系人", "contact_name"),
    ("联系电话", "contact_phone"), ("推荐指数", "priority"), ("备注", None),
]
VARIANT_NOTES = ["省级重点项目", "", "可分期实施", "需环评", "", "欢迎外资"]

# bad-rows.csv: written by hand. Row numbers count the header as row 1 (see the fixtures README).
BAD_HEADER = ["项目编号", "项目名称", "所属行业", "项目地点", "总投资", "链接"]
BAD_ROWS = [
    ["BR-01", "成都软件外包服务中心项目", "数字经济", "成都市武侯区", "2亿元", "https://example.org/opportunities/br-01"],
    ["BR-02", "", "电子信息", "绵阳市涪城区", "5亿元", ""],
    ["BR-03", "雅安藏茶加工项目", "食品饮料", "", "1亿元", ""],
    ["BR-04", "火星基地补给站项目", "现代服务业", "火星市", "3亿元", ""],
    ["BR-05", "长宁竹材加工项目", "现代农业", "宜宾市长宁县", "很多钱", ""],
    ["BR-01", "旌阳装备制造配套项目", "装备制造", "德阳市旌阳区", "8亿元", ""],
    ["BR-07", "朝阳区文化创意园项目", "现代服务业", "朝阳区", "3亿元", ""],
    ["BR-08", "长春汽车零部件配套项目", "装备制造", "长春市朝阳区", "6亿元", ""],
    ["BR-09", "五通桥文旅项目", "现代服务业", "乐山市五通桥区", "4亿元", "javascript:alert(1)"],
    ["BR-10", "船山食品产业园项目", "食品饮料", "遂宁市船山区", "", ""],
    ["BR-11", "<script>alert(1)</script>顺庆物流园项目", "现代服务业", "南充市顺庆区", "5亿元", ""],
    ["BR-12", "北京朝阳数字文创项目", "数字经济", "北京市朝阳区", "2亿元", ""],
]

# park-and-zones.csv: regions that are development zones, or end in a park no gazetteer knows.
ZONE_HEADER = ["项目编号", "项目名称", "所属行业", "项目地点", "所在园区", "总投资"]
ZONE_ROWS = [
    ["PZ-01", "双流化合物半导体封装项目", "电子信息", "成都市双流区成都芯谷", "", "10亿元"],
    ["PZ-02", "园区集成电路测试项目", "集成电路", "苏州工业园区", "", "8亿元"],
    ["PZ-03", "绵阳高新区传感器项目", "电子信息", "绵阳高新区", "", "3亿元"],
    ["PZ-04", "天府新区数字文创项目", "数字经济", "天府新区", "", "5亿元"],
    ["PZ-05", "两江新区汽车电子项目", "装备制造", "两江新区", "", "6亿元"],
    ["PZ-06", "三江新区锂电配套项目", "装备制造", "四川省宜宾市三江新区", "", "12亿元"],
    ["PZ-07", "高新区软件服务项目", "数字经济", "成都高新区", "天府软件园", "2亿元"],
    ["PZ-08", "贵安新区数据中心项目", "大数据电子信息", "贵州省贵安新区", "", "30亿元"],
    ["PZ-09", "合肥经开区汽车零部件项目", "装备制造", "合肥经济技术开发区", "", "5亿元"],
    ["PZ-10", "兰州新区精细化工项目", "能源化工", "兰州新区", "", "6亿元"],
    ["PZ-11", "涪城软件产业园项目", "数字经济", "四川省绵阳市涪城区涪城电子信息产业园", "", "1亿元"],
    ["PZ-12", "重庆两江新区机器人项目", "人工智能", "重庆两江新区", "", "4亿元"],
]

# money-forms.csv: one project per money form; expected_yuan is what the loader must read
# (integer yuan; "MIN-MAX" for a range; ">=N" / "<=N" for an open bound; blank = not published).
MONEY_HEADER = ["项目编号", "项目名称", "所属行业", "项目地点", "总投资", "expected_yuan"]
MONEY_ROWS = [
    ("MF-01", "12亿元"), ("MF-02", "1.2亿"), ("MF-03", "12000万元"), ("MF-04", "五千万"),
    ("MF-05", "5-10亿"), ("MF-06", "USD 50 million"), ("MF-07", "5000万美元"), ("MF-08", "1,200万元"),
    ("MF-09", "3000000000"), ("MF-10", "30億元"), ("MF-11", "十二亿"), ("MF-12", "二千五百万元"),
    ("MF-13", ""), ("MF-14", "10亿港元"), ("MF-15", "EUR 20 million"), ("MF-16", "5亿以上"),
    ("MF-17", "5000万以内"), ("MF-18", "待定"), ("MF-19", "1.5億"), ("MF-20", "RMB 800 million"),
]
MONEY_PLACES = ["成都市武侯区", "绵阳市涪城区", "德阳市旌阳区", "宜宾市翠屏区", "泸州市江阳区"]
MONEY_SECTORS = ["电子信息", "装备制造", "食品饮料", "先进材料", "数字经济"]


def expected_yuan(text: str) -> str:
    r = money(text)
    if r is None:
        return ""
    lo, hi = r
    if lo == hi:
        return str(lo)
    if hi >= 10**18:
        return f">={lo}"
    if lo == 0:
        return f"<={hi}"
    return f"{lo}-{hi}"


HOSTILE = [
    {"id": "\"><img src=x onerror=alert('id')>", "name": "<script>alert(1)</script>成都软件项目",
     "name_en": "\" onmouseover=\"alert(1)", "sector": "数字经济",
     "tags": ["<img src=x onerror=alert(1)>", "人工智能"], "region": "成都市武侯区",
     "park": "<iframe src=\"javascript:alert(1)\"></iframe>", "investment": "1亿元",
     "cooperation": ["合作", "<b onmouseover=alert(1)>合资</b>"], "stage": "前期",
     "description": "<img src=x onerror=alert(1)>建设软件研发中心。", "description_en": "<svg onload=alert(1)>",
     "benefits": "</div><script>alert(1)</script>", "policies": "<a href=\"javascript:alert(1)\">优惠政策</a>",
     "contact_org": "<style>*{display:none}</style>投资促进局", "contact_name": "<b>张先生</b>",
     "contact_phone": "028-00001234<script>alert(1)</script>",
     "contact_email": "\"><script>alert(1)</script>@example.org", "updated": "2026-01-15",
     "url": "javascript:alert(1)"},
    {"id": "H-02", "name": "=HYPERLINK(\"http://x\")宜宾锂电项目", "name_en": "=HYPERLINK(\"http://x\")",
     "sector": "先进材料", "tags": ["=HYPERLINK(\"http://x\")", "锂电材料"], "region": "宜宾市叙州区",
     "park": "=HYPERLINK(\"http://x\")", "investment": "3亿元", "cooperation": ["独资"], "stage": "在谈",
     "description": "+1+1 建设锂电材料生产线。", "description_en": "=cmd|' /C calc'!A0",
     "contact_org": "@SUM(A1)", "contact_name": "-2+3", "updated": "2026-02-01",
     "url": "data:text/html,<script>alert(1)</script>"},
    {"id": "H-03", "name": "+1+1 绵阳电子元器件项目", "sector": "电子信息", "tags": ["+1+1", "电子元器件"],
     "region": "绵阳市涪城区", "investment": "2亿元", "description": "-2+3 引进电子元器件企业。",
     "benefits": "=1+2", "updated": "2026-03-01", "url": "JaVaScRiPt:alert(1)"},
    {"id": "H-04", "name": "-2+3 德阳装备配套项目", "sector": "装备制造", "tags": ["-2+3"],
     "region": "德阳市旌阳区", "investment": "5亿元", "description": "@SUM(A1) 配套装备零部件。",
     "policies": "+1+1", "updated": "2026-03-15", "url": " javascript:alert(1)"},
    {"id": "H-05", "name": "@SUM(A1) 泸州白酒包装项目", "sector": "食品饮料", "tags": ["@SUM(A1)", "白酒"],
     "region": "泸州市江阳区", "investment": "2亿元", "description": "=1+2 建设白酒包装生产线。",
     "updated": "2026-04-01", "url": "https://example.org/p?q=<script>alert(1)</script>&x=\"y\""},
    {"id": "H-06", "name": "<img src=x onerror=alert(1)>贵阳算力项目", "sector": "数字经济",
     "tags": ["{{constructor.constructor('alert(1)')()}}"], "region": "贵阳市观山湖区",
     "investment": "10亿元", "description": "{{constructor.constructor('alert(1)')()}} ${alert(1)} 建设算力中心。",
     "updated": "2026-05-01", "url": "vbscript:msgbox(1)"},
    {"id": "H-07", "name": "\" onmouseover=\"alert(1)\" 重庆物流项目", "name_en": "'><svg/onload=alert(1)>",
     "sector": "现代服务业", "tags": ["现代物流"], "region": "重庆市渝北区", "investment": "4亿元",
     "description": "javascript:alert(1) 建设物流园。", "updated": "2026-06-01", "url": "http://example.org/h-07"},
    {"id": "</script><script>alert(1)</script>", "name": "宁波 &lt;b&gt; 实体 &amp; 项目",
     "name_en": "&lt;script&gt;alert(1)&lt;/script&gt;", "sector": "先进材料", "tags": ["新材料"],
     "region": "宁波市镇海区", "investment": "6亿元", "description": "&#60;script&#62;alert(1)&#60;/script&#62;",
     "updated": "2026-07-01", "url": "//example.org/protocol-relative"},
]
HOSTILE_META = {
    "format": "opportunity-list/1",
    "title": "<script>alert('title')</script>恶意内容测试清单",
    "publisher": "<img src=x onerror=alert('publisher')>",
    "updated": "2026-10-31",
    "currency": "CNY",
    "fx": FX,
}


def main() -> None:
    if not (ROOT / "Cargo.toml").exists():
        raise SystemExit("run from the opportunity-matcher repository")
    projects = build()
    by_id = {p["id"]: p for p in projects}

    # -- the bundled list
    write(LIST_OUT, json_lines(projects, LIST_META))

    # -- sample: CSV (UTF-8 BOM LF, GBK, UTF-8 CRLF) and JSON, the same projects
    sample = [by_id[i] for i in SAMPLE_IDS]
    header = [zh for zh, _ in SAMPLE_COLS]
    rows = [[cell(p, key) for _, key in SAMPLE_COLS] for p in sample]
    text_lf = csv_text(header, rows)
    text_crlf = csv_text(header, rows, crlf=True)
    gbk = text_lf.encode("gbk")  # raises if a character is outside GBK
    if gbk != text_lf.encode("gb18030") or gbk.decode("gb18030") != text_lf:
        raise SystemExit("sample text encodes differently in GBK and GB18030")
    if text_crlf.replace("\r\n", "\n") != text_lf:
        raise SystemExit("the CRLF sample differs from the LF one in more than record ends")
    write(FIX / "sample-utf8.csv", b"\xef\xbb\xbf" + text_lf.encode("utf-8"))
    write(FIX / "sample-gbk.csv", gbk)
    write(FIX / "sample-utf8-nobom-crlf.csv", text_crlf.encode("utf-8"))
    sample_keys = [key for _, key in SAMPLE_COLS]
    write(FIX / "sample.json", json_lines([{k: p[k] for k in sample_keys if k in p} for p in sample]))

    # -- english-headers.csv: every key of README's list format
    eng_rows = []
    for n, pid in enumerate(ENGLISH_IDS):
        p, sep = by_id[pid], ENGLISH_SEPS[n % len(ENGLISH_SEPS)]
        eng_rows.append([cell(p, key, sep) for key in KEYS])
    write(FIX / "english-headers.csv", csv_text(KEYS, eng_rows))

    # -- header-variants.csv
    var_rows = []
    for n, pid in enumerate(VARIANT_IDS):
        p = dict(by_id[pid])
        p.setdefault("priority", 70)
        row = []
        for zh, key in VARIANT_COLS:
            row.append(str(n + 1) if zh == "序号" else VARIANT_NOTES[n] if zh == "备注" else cell(p, key))
        var_rows.append(row)
    write(FIX / "header-variants.csv", csv_text([zh for zh, _ in VARIANT_COLS], var_rows))

    # -- hand-written fixtures
    write(FIX / "bad-rows.csv", csv_text(BAD_HEADER, BAD_ROWS))
    write(FIX / "park-and-zones.csv", csv_text(ZONE_HEADER, ZONE_ROWS))
    money_rows = []
    for n, (mid, text) in enumerate(MONEY_ROWS):
        money_rows.append([mid, f"金额写法示例项目{n + 1:02d}（{text or '空白'}）", MONEY_SECTORS[n % 5],
                           MONEY_PLACES[n % 5], text, expected_yuan(text)])
    write(FIX / "money-forms.csv", csv_text(MONEY_HEADER, money_rows))
    write(FIX / "hostile.json", json_lines(HOSTILE, HOSTILE_META))

    summary(projects)


def summary(projects: list[dict]) -> None:
    def show(title: str, counter: Counter) -> None:
        print(f"\n{title}")
        for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {n:4d}  {k}")

    print(f"\n{len(projects)} projects; list updated {LIST_UPDATED}")
    show("per province (by id prefix)", Counter(PROVINCE_OF_PREFIX[p["id"][:2]] for p in projects))
    sichuan = [p for p in projects if p["id"].startswith("SC-")]
    show("Sichuan projects per sector", Counter(p["sector"] for p in sichuan))
    show("other provinces per sector", Counter(p["sector"] for p in projects if not p["id"].startswith("SC-")))
    show("investment per money form", Counter(money_form(p.get("investment", "")) for p in projects))
    show("seeking per money form", Counter(money_form(p.get("seeking", "")) for p in projects))
    show("stage", Counter(p.get("stage", "(none)") for p in projects))
    cutoff = "2025-04-30"
    total = sum((money(p.get("investment", "")) or (0, 0))[0] for p in projects)
    print(f"\n  total investment (lower ends): {total / 1e8:,.0f} 亿元")
    print(f"  possibly stale (updated before {cutoff}): {sum(p['updated'] < cutoff for p in projects)}")
    for key in KEYS:
        n = sum(1 for p in projects if key in p)
        print(f"  {key:15s} {n:4d}")


if __name__ == "__main__":
    sys.exit(main())
