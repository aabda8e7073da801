<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppHeader</name>
    <message>
        <source>No project open</source>
        <translation>未打开项目</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>Light theme</source>
        <translation>浅色主题</translation>
    </message>
    <message>
        <source>Dark theme</source>
        <translation>深色主题</translation>
    </message>
    <message>
        <source>Sunlight (high contrast)</source>
        <translation>强光（高对比度）</translation>
    </message>
    <message>
        <source>Read the project again</source>
        <translation>重新读取项目</translation>
    </message>
    <message>
        <source>Close the project</source>
        <translation>关闭项目</translation>
    </message>
</context>
<context>
    <name>BalanceItem</name>
    <message>
        <source>Leak?</source>
        <translation>漏水？</translation>
    </message>
</context>
<context>
    <name>BalancePage</name>
    <message>
        <source>Stream</source>
        <translation>水流</translation>
    </message>
    <message>
        <source>Measured → reconciled</source>
        <translation>实测 → 平衡后</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>从 → 到</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <source>Reconciled</source>
        <translation>平衡后</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Suspect</source>
        <translation>可疑</translation>
    </message>
    <message>
        <source>Computing the balance…</source>
        <translation>正在计算水平衡…</translation>
    </message>
    <message>
        <source>No balance: see above what it needs.</source>
        <translation>尚无水平衡结果：所需条件见上方。</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>图</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
</context>
<context>
    <name>BenchmarkPanel</name>
    <message>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Industry and product</source>
        <translation>行业与产品</translation>
    </message>
    <message>
        <source>Not set: no quota comparison</source>
        <translation>未设置：不与定额比较</translation>
    </message>
    <message>
        <source>Saved in the project. The quota compares the intake per unit of product inside the quota boundary.</source>
        <translation>已保存在项目中。定额比较的是定额边界内的单位产品取水量。</translation>
    </message>
    <message>
        <source>Water-use quota</source>
        <translation>取水定额</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>正在比较…</translation>
    </message>
    <message>
        <source>No quota applies: choose the industry and product above.</source>
        <translation>没有适用的定额：请在上方选择行业和产品。</translation>
    </message>
    <message>
        <source>Water-saving enterprise</source>
        <translation>节水型企业</translation>
    </message>
    <message>
        <source>No thresholds for this industry.</source>
        <translation>该行业没有考核值。</translation>
    </message>
    <message>
        <source>Water-efficiency leader</source>
        <translation>水效领跑者</translation>
    </message>
    <message>
        <source>To decide, give: %1</source>
        <translation>需补充以下内容才能判定：%1</translation>
    </message>
</context>
<context>
    <name>CameraCapture</name>
    <message>
        <source>No camera found on this device: choose a photo from a file instead.</source>
        <translation>此设备上没有摄像头：请改为从文件选择照片。</translation>
    </message>
    <message>
        <source>The camera is not ready yet: try again in a moment.</source>
        <translation>摄像头尚未就绪：请稍后再试。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Take the photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <source>Retake</source>
        <translation>重拍</translation>
    </message>
    <message>
        <source>Use this photo</source>
        <translation>使用这张照片</translation>
    </message>
</context>
<context>
    <name>CampaignPlanner</name>
    <message>
        <source>Water-balance test</source>
        <translation>水平衡测试</translation>
    </message>
    <message>
        <source>The test window needs a name.</source>
        <translation>测试期需要一个名称。</translation>
    </message>
    <message>
        <source>The first day &quot;%1&quot; is not a date (write it as 2026-06-01).</source>
        <translation>开始日期“%1”不是日期（请写成 2026-06-01）。</translation>
    </message>
    <message>
        <source>The last day &quot;%1&quot; is not a date (write it as 2026-06-03).</source>
        <translation>结束日期“%1”不是日期（请写成 2026-06-03）。</translation>
    </message>
    <message>
        <source>The last day comes before the first day.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>A test window of more than a year is not a test window: check the days.</source>
        <translation>测试期超过一年不合理：请检查日期。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time of day (write the reading times as 08:00, 20:00).</source>
        <translation>“%1”不是时刻（读数时间请写成 08:00, 20:00）。</translation>
    </message>
    <message>
        <source>Give at least one daily reading time, e.g. 08:00.</source>
        <translation>请至少给出一个每日读数时间，例如 08:00。</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>请先打开项目。</translation>
    </message>
    <message>
        <source>The plan was not saved: %1</source>
        <translation>计划未保存：%1</translation>
    </message>
    <message numerus="yes">
        <source>Saved: %n round(s) planned.</source>
        <translation>
            <numerusform>已保存：计划 %n 轮。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiagramLegend</name>
    <message>
        <source>Width ∝ flow · value ± σ · dashed: cannot be known · ⚠ suspect meter or leak</source>
        <translation>宽度 ∝ 水量 · 数值 ± σ · 虚线：无法确定 · ⚠ 可疑水表或漏水</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message numerus="yes">
        <source>%n more flow(s)</source>
        <translation>
            <numerusform>另有 %n 条流量</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditorPalette</name>
    <message>
        <source>Group (level)</source>
        <translation>分组（层级）</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message numerus="yes">
        <source>This plant file has %n error(s)</source>
        <translation>
            <numerusform>此工厂文件有 %n 处错误</numerusform>
        </translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>收起</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message numerus="yes">
        <source>%n reading(s) behind it</source>
        <translation>
            <numerusform>来自 %n 个读数</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) after entry</source>
        <translation>
            <numerusform>录入后修改 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>Meter %1 at %2: %3 (version %4)</source>
        <translation>表 %1，%2：%3（第 %4 版）</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未给出原因</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>%1 on %2, %3</source>
        <translation>%1，%2，%3</translation>
    </message>
    <message>
        <source>deleted by %1 — why: %2</source>
        <translation>由 %1 删除 — 原因：%2</translation>
    </message>
    <message>
        <source>%1: %2 → %3, by %4 — why: %5</source>
        <translation>%1：%2 → %3，由 %4 — 原因：%5</translation>
    </message>
    <message>
        <source>Nothing to show</source>
        <translation>没有可显示的内容</translation>
    </message>
</context>
<context>
    <name>IndicatorsPage</name>
    <message>
        <source>Computing the indicators…</source>
        <translation>正在计算指标…</translation>
    </message>
    <message>
        <source>No indicators: see above what they need.</source>
        <translation>尚无指标：所需条件见上方。</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation>对标</translation>
    </message>
</context>
<context>
    <name>ItemSheet</name>
    <message>
        <source>%1 items selected</source>
        <translation>已选中 %1 项</translation>
    </message>
    <message>
        <source>Stream %1</source>
        <translation>水流 %1</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>未选中任何项</translation>
    </message>
    <message>
        <source>Delete them, or drag one of them to move them all.</source>
        <translation>可删除它们，或拖动其中一个以整体移动。</translation>
    </message>
    <message>
        <source>Tap a node or a stream to edit it. Drag a node to move it, drag from its round handle to another node to connect them.</source>
        <translation>点按节点或水流进行编辑。拖动节点可移动它；从节点的圆形手柄拖到另一节点可连接两者。</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>e.g. 循环冷却水系统</source>
        <translation>例如 循环冷却水系统</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Origin of the water</source>
        <translation>水的来源</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source>In group</source>
        <translation>所属分组</translation>
    </message>
    <message>
        <source>None (site level)</source>
        <translation>无（厂区级）</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>从 %1 到 %2</translation>
    </message>
    <message>
        <source>Circulating water (recycle)</source>
        <translation>循环水</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>水量</translation>
    </message>
    <message>
        <source>Uncertainty σ</source>
        <translation>不确定度 σ</translation>
    </message>
    <message>
        <source>Delete %1 items</source>
        <translation>删除 %1 项</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Source</source>
        <translation>水源</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>用水单元</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Discharge</source>
        <translation>排水</translation>
    </message>
    <message>
        <source>Consumption</source>
        <translation>耗水</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>漏失</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>取水</translation>
    </message>
    <message>
        <source>Cascade</source>
        <translation>串联</translation>
    </message>
    <message>
        <source>Recycle</source>
        <translation>循环</translation>
    </message>
    <message>
        <source>Leakage</source>
        <translation>漏失</translation>
    </message>
    <message>
        <source>Municipal water</source>
        <translation>市政自来水</translation>
    </message>
    <message>
        <source>Groundwater</source>
        <translation>地下水</translation>
    </message>
    <message>
        <source>Surface water</source>
        <translation>地表水</translation>
    </message>
    <message>
        <source>Reclaimed water</source>
        <translation>再生水</translation>
    </message>
    <message>
        <source>Rainwater</source>
        <translation>雨水</translation>
    </message>
    <message>
        <source>Mine water</source>
        <translation>矿井水</translation>
    </message>
    <message>
        <source>Brackish water</source>
        <translation>苦咸水</translation>
    </message>
    <message>
        <source>Purchased steam</source>
        <translation>外购蒸汽</translation>
    </message>
    <message>
        <source>Other source</source>
        <translation>其他水源</translation>
    </message>
    <message>
        <source>Cooling</source>
        <translation>冷却</translation>
    </message>
    <message>
        <source>Boiler</source>
        <translation>锅炉</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>工艺</translation>
    </message>
    <message>
        <source>Domestic</source>
        <translation>生活</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Unmeasured</source>
        <translation>未计量</translation>
    </message>
    <message>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>value and unit</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Plant</source>
        <translation>工厂</translation>
    </message>
    <message>
        <source>Meters</source>
        <translation>水表</translation>
    </message>
    <message>
        <source>Test window</source>
        <translation>测试时段</translation>
    </message>
    <message>
        <source>Reading rounds</source>
        <translation>抄表轮次</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>水平衡</translation>
    </message>
    <message>
        <source>Indicators &amp; benchmark</source>
        <translation>指标与对标</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待完成</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要注意</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>受阻</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>Calibrated</source>
        <translation>已检定</translation>
    </message>
    <message>
        <source>Calibration due soon</source>
        <translation>即将到检定期</translation>
    </message>
    <message>
        <source>Calibration expired</source>
        <translation>检定已过期</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>已更换</translation>
    </message>
    <message>
        <source>Calibration unknown</source>
        <translation>检定情况未知</translation>
    </message>
    <message>
        <source>Totalizer</source>
        <translation>累计式水表</translation>
    </message>
    <message>
        <source>Flow rate</source>
        <translation>瞬时流量</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>已校核</translation>
    </message>
    <message>
        <source>Measured, unchecked</source>
        <translation>实测，无法校核</translation>
    </message>
    <message>
        <source>Computed</source>
        <translation>推算</translation>
    </message>
    <message>
        <source>Cannot be known</source>
        <translation>无法确定</translation>
    </message>
    <message>
        <source>Intake (new water)</source>
        <translation>取水量（新水量）</translation>
    </message>
    <message>
        <source>Circulating water</source>
        <translation>循环用水量</translation>
    </message>
    <message>
        <source>Cascade (series) water</source>
        <translation>串联用水量</translation>
    </message>
    <message>
        <source>Reused water</source>
        <translation>重复利用水量</translation>
    </message>
    <message>
        <source>Total water use</source>
        <translation>总用水量</translation>
    </message>
    <message>
        <source>Reuse rate</source>
        <translation>重复利用率</translation>
    </message>
    <message>
        <source>Discharge rate</source>
        <translation>排水率</translation>
    </message>
    <message>
        <source>Leakage rate</source>
        <translation>漏失率</translation>
    </message>
    <message>
        <source>Non-conventional water share</source>
        <translation>非常规水资源替代率</translation>
    </message>
    <message>
        <source>Indirect cooling circulation rate</source>
        <translation>间接冷却水循环率</translation>
    </message>
    <message>
        <source>Direct cooling circulation rate</source>
        <translation>直接冷却水循环率</translation>
    </message>
    <message>
        <source>Intake per unit product</source>
        <translation>单位产品取水量</translation>
    </message>
    <message>
        <source>Intake inside the quota boundary</source>
        <translation>定额边界内取水量</translation>
    </message>
    <message>
        <source>Intake per unit product (quota boundary)</source>
        <translation>单位产品取水量（定额边界）</translation>
    </message>
    <message>
        <source>Concentration ratio</source>
        <translation>浓缩倍数</translation>
    </message>
    <message>
        <source>Process water reuse rate</source>
        <translation>工艺水回用率</translation>
    </message>
    <message>
        <source>Wastewater reuse rate</source>
        <translation>废水回用率</translation>
    </message>
    <message>
        <source>Condensate recovery rate</source>
        <translation>冷凝水回收率</translation>
    </message>
    <message>
        <source>Domestic use per person and day</source>
        <translation>人均生活日用水量</translation>
    </message>
    <message>
        <source>Intake per 10⁴ CNY value added</source>
        <translation>万元增加值取水量</translation>
    </message>
    <message>
        <source>Intake per 10⁴ CNY output value</source>
        <translation>万元产值取水量</translation>
    </message>
    <message>
        <source>Meter coverage, level %1</source>
        <translation>%1 级水表计量率</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>per cent</comment>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>LiveFindingsText</name>
    <message>
        <source>meter %1</source>
        <translation>水表 %1</translation>
    </message>
    <message>
        <source>the measurement of stream %1</source>
        <translation>水流 %1 的计量值</translation>
    </message>
    <message>
        <source>%1 reads about %2 % high</source>
        <translation>%1 读数约偏高 %2 %</translation>
    </message>
    <message>
        <source>%1 reads about %2 % low</source>
        <translation>%1 读数约偏低 %2 %</translation>
    </message>
    <message>
        <source>%1 reads about %2 %3 too high</source>
        <translation>%1 读数约偏高 %2 %3</translation>
    </message>
    <message>
        <source>%1 reads about %2 %3 too low</source>
        <translation>%1 读数约偏低 %2 %3</translation>
    </message>
    <message>
        <source> (or, equally, %1: the balances cannot tell them apart)</source>
        <translation>（或者同样可能是 %1：水平衡无法区分二者）</translation>
    </message>
    <message>
        <source>About %1 %2 is lost unmetered at %3 (a leak or an unknown outlet)</source>
        <translation>在 %3 处约有 %1 %2 未经计量流失（漏水或未知出口）</translation>
    </message>
    <message>
        <source>Nothing can be checked yet: no measurement is redundant.</source>
        <translation>尚无法校核：没有冗余的计量值。</translation>
    </message>
    <message>
        <source>The balance closes within the meters&apos; accuracy.</source>
        <translation>水平衡在水表精度范围内闭合。</translation>
    </message>
    <message>
        <source>The balance does not close and no single meter or leak explains it: check the readings and the plant.</source>
        <translation>水平衡不闭合，且无法由单一水表或漏点解释：请检查读数和工厂模型。</translation>
    </message>
    <message>
        <source>%1.</source>
        <comment>one finding as the whole verdict</comment>
        <translation>%1。</translation>
    </message>
    <message numerus="yes">
        <source>%1; %n more finding(s) below.</source>
        <translation>
            <numerusform>%1；下方另有 %n 项发现。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>determines %n flow(s) that cannot be known now</source>
        <translation>
            <numerusform>可确定 %n 个目前无法确定的水量</numerusform>
        </translation>
    </message>
    <message>
        <source>site intake ± %1 → ± %2 %3</source>
        <translation>全厂取水量 ± %1 → ± %2 %3</translation>
    </message>
    <message>
        <source>The balance could not be computed: %1</source>
        <translation>无法计算水平衡：%1</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>%1 — Shuiheng</source>
        <translation>%1 — 水衡</translation>
    </message>
    <message>
        <source>Shuiheng</source>
        <translation>水衡</translation>
    </message>
</context>
<context>
    <name>MeterDelegate</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>unknown stream</source>
        <translation>未知水流</translation>
    </message>
    <message>
        <source>QR %1</source>
        <translation>二维码 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n reading(s)</source>
        <translation>
            <numerusform>%n 个读数</numerusform>
        </translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>%1 到期</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>更换</translation>
    </message>
</context>
<context>
    <name>MeterDialog</name>
    <message>
        <source>Add a meter</source>
        <translation>添加水表</translation>
    </message>
    <message>
        <source>Meter %1</source>
        <translation>水表 %1</translation>
    </message>
    <message>
        <source>Replace meter %1</source>
        <translation>更换水表 %1</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Id of the new meter</source>
        <translation>新水表的编号</translation>
    </message>
    <message>
        <source>e.g. M12</source>
        <translation>例如 M12</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>水流</translation>
    </message>
    <message>
        <source>Id of the stream it measures</source>
        <translation>所计量水流的编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Totalizer</source>
        <translation>累计式水表</translation>
    </message>
    <message>
        <source>Flow rate</source>
        <translation>瞬时流量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>用水单元</translation>
    </message>
    <message>
        <source>m3 (totalizer) or m3/h (flow rate)</source>
        <translation>m3（累计式）或 m3/h（流量）</translation>
    </message>
    <message>
        <source>Max. error</source>
        <translation>最大允许误差</translation>
    </message>
    <message>
        <source>fraction, e.g. 0.02 for 2 %</source>
        <translation>小数，例如 0.02 表示 2 %</translation>
    </message>
    <message>
        <source>QR text</source>
        <translation>二维码内容</translation>
    </message>
    <message>
        <source>Serial no.</source>
        <translation>出厂编号</translation>
    </message>
    <message>
        <source>Calibration due</source>
        <translation>检定有效期至</translation>
    </message>
    <message>
        <source>2027-06-30</source>
        <translation>2027-06-30</translation>
    </message>
</context>
<context>
    <name>MetersPage</name>
    <message>
        <source>Find a meter by id or QR text</source>
        <translation>按编号或二维码查找水表</translation>
    </message>
    <message>
        <source>Add meter</source>
        <translation>添加水表</translation>
    </message>
    <message>
        <source>%1 of %2 meters shown</source>
        <translation>显示 %1 / %2 块水表</translation>
    </message>
    <message numerus="yes">
        <source>%n with an expired calibration</source>
        <translation>
            <numerusform>%n 块检定已过期</numerusform>
        </translation>
    </message>
    <message>
        <source>No meters yet</source>
        <translation>尚无水表</translation>
    </message>
    <message>
        <source>No meter matches</source>
        <translation>没有匹配的水表</translation>
    </message>
    <message>
        <source>QR labels…</source>
        <translation>二维码标签…</translation>
    </message>
    <message>
        <source>Save the meters&apos; QR labels (A4, 24 a sheet) as PDF</source>
        <translation>将水表二维码标签保存为 PDF（A4，每页 24 枚）</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Project name, e.g. 2026 water-balance test</source>
        <translation>项目名称，例如 2026 水平衡测试</translation>
    </message>
    <message>
        <source>Enterprise tested</source>
        <translation>受测企业</translation>
    </message>
    <message>
        <source>Save as: %1</source>
        <translation>保存为：%1</translation>
    </message>
    <message>
        <source>Choose where to save it…</source>
        <translation>选择保存位置…</translation>
    </message>
    <message>
        <source>Plant: %1</source>
        <translation>工厂：%1</translation>
    </message>
    <message>
        <source>Start from a plant file (optional)…</source>
        <translation>从工厂文件开始（可选）…</translation>
    </message>
    <message>
        <source>Save the new project as</source>
        <translation>新项目保存为</translation>
    </message>
    <message>
        <source>Shuiheng projects (*.shuiheng)</source>
        <translation>水衡项目 (*.shuiheng)</translation>
    </message>
    <message>
        <source>Start from a plant file</source>
        <translation>从工厂文件开始</translation>
    </message>
    <message>
        <source>Plant files (*.json)</source>
        <translation>工厂文件 (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>NodeDelegate</name>
    <message>
        <source>in %1</source>
        <translation>属于 %1</translation>
    </message>
</context>
<context>
    <name>NumericKeypad</name>
    <message>
        <source>Delete the last digit</source>
        <translation>删除最后一位</translation>
    </message>
</context>
<context>
    <name>PlantDocument</name>
    <message>
        <source>error: %1: cannot read the plant file: %2</source>
        <translation>错误：%1：无法读取工厂文件：%2</translation>
    </message>
    <message>
        <source>error: %1: not a plant file</source>
        <translation>错误：%1：不是工厂文件</translation>
    </message>
</context>
<context>
    <name>PlantEditor</name>
    <message>
        <source>No project is open.</source>
        <translation>未打开项目。</translation>
    </message>
    <message>
        <source>Unknown kind of node: %1</source>
        <translation>未知的节点类型：%1</translation>
    </message>
    <message>
        <source>Cannot move %1 off the diagram</source>
        <translation>不能将 %1 移出图外</translation>
    </message>
    <message>
        <source>add %1</source>
        <comment>undo summary: a node of that kind added</comment>
        <translation>添加 %1</translation>
    </message>
    <message>
        <source>connect %1 to %2</source>
        <translation>连接 %1 至 %2</translation>
    </message>
    <message>
        <source>move %1</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <source>move %1 nodes</source>
        <translation>移动 %1 个节点</translation>
    </message>
    <message>
        <source>automatic layout</source>
        <translation>自动布局</translation>
    </message>
    <message>
        <source>change %1 of %2</source>
        <comment>undo summary: field, id</comment>
        <translation>修改 %2 的 %1</translation>
    </message>
    <message>
        <source>delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>delete %1 items</source>
        <translation>删除 %1 项</translation>
    </message>
</context>
<context>
    <name>PlantEditorPage</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>撤销：%1</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>重做：%1</translation>
    </message>
    <message>
        <source>Select several</source>
        <translation>多选</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Tidy up</source>
        <translation>自动整理</translation>
    </message>
    <message>
        <source>Forget moved positions and lay the diagram out automatically</source>
        <translation>忽略手动移动的位置，自动重新布局</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>没有问题</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
</context>
<context>
    <name>PlantPage</name>
    <message>
        <source>Nodes (%1)</source>
        <translation>节点（%1）</translation>
    </message>
    <message>
        <source>Streams (%1)</source>
        <translation>水流（%1）</translation>
    </message>
    <message>
        <source>No nodes</source>
        <translation>没有节点</translation>
    </message>
    <message>
        <source>No streams</source>
        <translation>没有水流</translation>
    </message>
</context>
<context>
    <name>PlantStepPage</name>
    <message>
        <source>Diagram</source>
        <translation>图</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>列表</translation>
    </message>
</context>
<context>
    <name>ProjectAnalysisText</name>
    <message>
        <source>Nothing can be checked yet: no measurement is redundant, so the flows are taken as measured.</source>
        <translation>尚无法校核：没有冗余的计量值，因此各水量按实测值采用。</translation>
    </message>
    <message>
        <source>(χ² %1 against %2 with %3 degrees of freedom)</source>
        <translation>（χ² = %1，临界值 %2，自由度 %3）</translation>
    </message>
    <message>
        <source>The balance closes within the meters&apos; accuracy %1.</source>
        <translation>水平衡在水表精度范围内闭合 %1。</translation>
    </message>
    <message>
        <source>The balance does not close within the meters&apos; accuracy %1.</source>
        <translation>水平衡在水表精度范围内不闭合 %1。</translation>
    </message>
    <message>
        <source>high</source>
        <translation>偏高</translation>
    </message>
    <message>
        <source>low</source>
        <translation>偏低</translation>
    </message>
    <message>
        <source>The meter on stream %1 (%2 → %3) reads about %4 %5 too %6.</source>
        <translation>水流 %1（%2 → %3）上的水表读数约%6 %4 %5。</translation>
    </message>
    <message>
        <source>About %1 %2 of water is lost unmetered at %3 (a leak or an unknown outlet).</source>
        <translation>在 %3 处约有 %1 %2 的水未经计量流失（漏水或未知出口）。</translation>
    </message>
</context>
<context>
    <name>ProjectSession</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>The project needs a name.</source>
        <translation>项目需要一个名称。</translation>
    </message>
    <message>
        <source>%1 is not a valid plant file: %2</source>
        <translation>%1 不是有效的工厂文件：%2</translation>
    </message>
    <message>
        <source>it cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <source>The project was created but the plant could not be imported: %1</source>
        <translation>项目已创建，但无法导入工厂：%1</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>请先打开一个项目。</translation>
    </message>
    <message>
        <source>%1 is not a valid plant file:
%2</source>
        <translation>%1 不是有效的工厂文件：
%2</translation>
    </message>
    <message>
        <source>Cannot import %1: %2</source>
        <translation>无法导入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot open the bundle %1: %2</source>
        <translation>无法打开项目包 %1：%2</translation>
    </message>
    <message>
        <source>Cannot copy the bundle to %1: %2</source>
        <translation>无法将项目包复制到 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read the campaigns of %1: %2</source>
        <translation>无法读取 %1 的测试批次：%2</translation>
    </message>
    <message>
        <source>Cannot read the plant of %1: %2</source>
        <translation>无法读取 %1 的工厂：%2</translation>
    </message>
    <message>
        <source>The meter needs an id.</source>
        <translation>水表需要一个编号。</translation>
    </message>
    <message>
        <source>Meter %1: the kind must be totalizer or flowrate.</source>
        <translation>水表 %1：类型必须是累计式或流量式。</translation>
    </message>
    <message>
        <source>Meter %1: the maximum permissible error must be a number of 0 or more.</source>
        <translation>水表 %1：最大允许误差必须是不小于 0 的数。</translation>
    </message>
    <message>
        <source>Meter %1: the rollover must be a number.</source>
        <translation>水表 %1：归零值必须是数字。</translation>
    </message>
    <message>
        <source>Meter %1: the factor must be a number.</source>
        <translation>水表 %1：倍率必须是数字。</translation>
    </message>
    <message>
        <source>Meter %1: the level must be 1, 2 or 3.</source>
        <translation>水表 %1：级别必须是 1、2 或 3。</translation>
    </message>
    <message>
        <source>Meter %1: %2 is not a date (write it as 2026-06-30).</source>
        <translation>水表 %1：%2 不是日期（请写成 2026-06-30）。</translation>
    </message>
    <message>
        <source>add meter %1</source>
        <translation>添加水表 %1</translation>
    </message>
    <message>
        <source>edit meter %1</source>
        <translation>修改水表 %1</translation>
    </message>
    <message>
        <source>There is no meter %1 to replace.</source>
        <translation>没有要更换的水表 %1。</translation>
    </message>
    <message>
        <source>Meter %1 was already taken out on %2.</source>
        <translation>水表 %1 已于 %2 拆除。</translation>
    </message>
    <message>
        <source>There is already a meter %1.</source>
        <translation>已存在水表 %1。</translation>
    </message>
    <message>
        <source>replace meter %1 by %2</source>
        <translation>用 %2 更换水表 %1</translation>
    </message>
    <message>
        <source>Cannot export the plant: %1</source>
        <translation>无法导出工厂：%1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>clear the benchmark</source>
        <translation>清除对标设置</translation>
    </message>
    <message>
        <source>benchmark against %1</source>
        <translation>对标 %1</translation>
    </message>
    <message>
        <source>Cannot read the meters: %1</source>
        <translation>无法读取水表：%1</translation>
    </message>
    <message>
        <source>Cannot make the labels: %1</source>
        <translation>无法生成标签：%1</translation>
    </message>
    <message>
        <source>%1 is a plant file, not a project. Make a project from it with New project… (choose it as the plant file there), or import it into an open project.</source>
        <translation>%1 是工厂文件，不是项目。请用“新建项目…”从它建立项目（在其中选它作为工厂文件），或把它导入已打开的项目。</translation>
    </message>
</context>
<context>
    <name>ProjectsPage</name>
    <message>
        <source>That did not work</source>
        <translation>操作未成功</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>未打开项目</translation>
    </message>
    <message>
        <source>Open a project, create one, or pick a recent one below. Everything you enter is saved at once.</source>
        <translation>打开或新建一个项目，或从下方选择最近的项目。您输入的一切都会立即保存。</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <source>Import plant file…</source>
        <translation>导入工厂文件…</translation>
    </message>
    <message>
        <source>Import bundle…</source>
        <translation>导入项目包…</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>暂无。</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Shuiheng projects (*.shuiheng)</source>
        <translation>水衡项目 (*.shuiheng)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Import a plant file into this project</source>
        <translation>将工厂文件导入此项目</translation>
    </message>
    <message>
        <source>Plant files (*.json)</source>
        <translation>工厂文件 (*.json)</translation>
    </message>
    <message>
        <source>Import a bundle</source>
        <translation>导入项目包</translation>
    </message>
    <message>
        <source>Save the imported project as</source>
        <translation>导入的项目保存为</translation>
    </message>
    <message>
        <source>Export plant file…</source>
        <translation>导出工厂文件…</translation>
    </message>
    <message>
        <source>Export the plant, its meters and readings as a plant file</source>
        <translation>将工厂、水表和读数导出为工厂文件</translation>
    </message>
    <message>
        <source>The sample project</source>
        <translation>示例项目</translation>
    </message>
    <message>
        <source>Try the sample project</source>
        <translation>试用示例项目</translation>
    </message>
    <message>
        <source>This is the sample project: a made-up salt-lake potash works with three days of readings, so that every step shows real figures, from the plant to the report and the benchmark (against an illustrative quota, not a published one).</source>
        <translation>这是示例项目：一家虚构的盐湖钾肥企业，带有三天的测试读数，每一步都有真实的数字可看，从工厂到报告和对标（对照的是示例定额，不是公布值）。</translation>
    </message>
    <message>
        <source>The sample project is a made-up salt-lake potash works with three days of readings: every step shows real figures, from the plant to the report and the benchmark (against an illustrative quota, not a published one).</source>
        <translation>示例项目是一家虚构的盐湖钾肥企业，带有三天的测试读数：每一步都有真实的数字可看，从工厂到报告和对标（对照的是示例定额，不是公布值）。</translation>
    </message>
    <message>
        <source>Try things in it freely: it is kept in your data folder as you leave it. To test your own site, start a project of your own with New project…</source>
        <translation>可以在其中随意尝试：它保存在您的数据文件夹中，保持您离开时的样子。要测试自己的企业，请用“新建项目…”建立自己的项目。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>what the sample is, then how to start one&apos;s own</comment>
        <translation>%1%2</translation>
    </message>
</context>
<context>
    <name>QuotaGauge</name>
    <message>
        <source>Not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Not compared: %1</source>
        <translation>未比较：%1</translation>
    </message>
    <message>
        <source>Not compared: the indicator is not known.</source>
        <translation>未比较：该指标未知。</translation>
    </message>
    <message>
        <source>%1: P = %2 %</source>
        <translation>%1：P = %2 %</translation>
    </message>
    <message>
        <source>Meets %1</source>
        <translation>达到%1</translation>
    </message>
    <message>
        <source>Meets no level</source>
        <translation>未达到任何等级</translation>
    </message>
    <message>
        <source>Source: %1 (%2)</source>
        <translation>来源：%1（%2）</translation>
    </message>
</context>
<context>
    <name>ReadingEntryController</name>
    <message>
        <source>Type the reading of meter %1 first.</source>
        <translation>请先输入表 %1 的读数。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number: type the digits the register of meter %2 shows.</source>
        <translation>“%1”不是数字：请输入表 %2 计数器显示的数字。</translation>
    </message>
    <message>
        <source>A meter never reads below zero: %1 for meter %2 cannot be right.</source>
        <translation>水表读数不会小于零：表 %2 的 %1 不可能正确。</translation>
    </message>
    <message>
        <source>%1 is too large for a reading of meter %2: check the digits.</source>
        <translation>%1 对于表 %2 的读数太大了：请核对数字。</translation>
    </message>
    <message>
        <source>There is no meter to read: open a project with meters first.</source>
        <translation>没有可抄读的表：请先打开有水表的项目。</translation>
    </message>
    <message>
        <source>Meter %1 was read in this round already (%2): saving again changes that reading, so give the reason.</source>
        <translation>表 %1 本轮已有读数（%2）：再次保存将修改该读数，请填写原因。</translation>
    </message>
    <message>
        <source>Give the reason for the warning above (or correct the value), then save.</source>
        <translation>请填写上述警告的原因（或更正数值），然后保存。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>The photo %1 cannot be read: %2. Nothing was saved.</source>
        <translation>无法读取照片 %1：%2。未保存任何内容。</translation>
    </message>
    <message>
        <source>Saved: meter %1 reads %2 %3.</source>
        <translation>已保存：表 %1 读数 %2 %3。</translation>
    </message>
    <message>
        <source>There is no planned round to skip meter %1 in: plan the test window first.</source>
        <translation>没有可跳过表 %1 的计划轮次：请先规划测试期。</translation>
    </message>
    <message>
        <source>Say why meter %1 is not read (e.g. under water, locked away).</source>
        <translation>请说明表 %1 未抄读的原因（例如被水淹、上锁）。</translation>
    </message>
    <message>
        <source>Meter %1 skipped in this round: %2</source>
        <translation>本轮已跳过表 %1：%2</translation>
    </message>
    <message>
        <source>Type or scan a meter&apos;s id, serial number or QR label.</source>
        <translation>请输入或扫描水表编号、出厂编号或二维码标签。</translation>
    </message>
    <message numerus="yes">
        <source>%n meter(s) match &quot;%1&quot;: type more of the id or scan the label.</source>
        <translation>
            <numerusform>有 %n 块表与“%1”相符：请多输入几位编号或扫描标签。</numerusform>
        </translation>
    </message>
    <message>
        <source>No meter has the id, serial number or QR text &quot;%1&quot;.</source>
        <translation>没有编号、出厂编号或二维码内容为“%1”的表。</translation>
    </message>
    <message>
        <source>Meter %1 was taken out on %2: it is not read any more.</source>
        <translation>表 %1 已于 %2 拆除：不再抄读。</translation>
    </message>
    <message>
        <source>Meter %1 found.</source>
        <translation>已找到表 %1。</translation>
    </message>
    <message>
        <source>The camera cannot save its photo: the folder %1 cannot be made.</source>
        <translation>摄像头无法保存照片：无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>No QR code could be read in the picture: hold the camera closer to the label and try again.</source>
        <translation>照片中未能识别出二维码：请将摄像头靠近标签后重试。</translation>
    </message>
</context>
<context>
    <name>ReadingEntryPage</name>
    <message>
        <source>Rounds</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Round %1</source>
        <translation>轮次 %1</translation>
    </message>
    <message>
        <source>No round planned</source>
        <translation>未计划轮次</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>已完成 %1 / %2</translation>
    </message>
    <message>
        <source>Find a meter: type or scan its id, serial or QR label</source>
        <translation>查找水表：输入或扫描编号、出厂编号或二维码</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>No meters</source>
        <translation>无水表</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Last reading %1 %2 at %3</source>
        <translation>上次读数 %1 %2（%3）</translation>
    </message>
    <message>
        <source>No earlier reading</source>
        <translation>没有以前的读数</translation>
    </message>
    <message>
        <source>Expected %1</source>
        <translation>预计 %1</translation>
    </message>
    <message>
        <source>No expected range yet (too few readings)</source>
        <translation>暂无预计范围（读数太少）</translation>
    </message>
    <message>
        <source>Read in this round: %1 %2 (saving again changes it)</source>
        <translation>本轮已读：%1 %2（再次保存将修改它）</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>已跳过：%1</translation>
    </message>
    <message>
        <source>Reason (required): e.g. the register rolled over, digits checked twice</source>
        <translation>原因（必填）：例如计数器已归零重计、数字已核对两遍</translation>
    </message>
    <message>
        <source>Photo ✓</source>
        <translation>照片 ✓</translation>
    </message>
    <message>
        <source>Photo…</source>
        <translation>照片…</translation>
    </message>
    <message>
        <source>Skip…</source>
        <translation>跳过…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一块</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一块</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Photo of the register</source>
        <translation>计数器照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
    <message>
        <source>Skip meter %1 in this round</source>
        <translation>本轮跳过表 %1</translation>
    </message>
    <message>
        <source>Why is it not read? (required)</source>
        <translation>为什么未抄读？（必填）</translation>
    </message>
    <message>
        <source>Skip this meter</source>
        <translation>跳过此表</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>拍照</translation>
    </message>
    <message>
        <source>Scan QR</source>
        <translation>扫二维码</translation>
    </message>
</context>
<context>
    <name>ReadingHistory</name>
    <message>
        <source>Open a project first.</source>
        <translation>请先打开项目。</translation>
    </message>
    <message>
        <source>Say which flow, indicator or meter to show.</source>
        <translation>请指明要显示的流量、指标或水表。</translation>
    </message>
    <message>
        <source>There is no meter %1.</source>
        <translation>没有表 %1。</translation>
    </message>
    <message>
        <source>Meter %1 · %2</source>
        <translation>表 %1 · %2</translation>
    </message>
    <message>
        <source>There is no flow %1.</source>
        <translation>没有流量 %1。</translation>
    </message>
    <message>
        <source>Flow %1</source>
        <translation>流量 %1</translation>
    </message>
    <message>
        <source>Flow %1 has a fixed measurement in the plant, not readings.</source>
        <translation>流量 %1 在工厂中是固定的测量值，不来自读数。</translation>
    </message>
    <message>
        <source>No reading of this campaign went into flow %1 (it has no meter, or too few readings).</source>
        <translation>本次测试中没有读数进入流量 %1（没有水表，或读数太少）。</translation>
    </message>
    <message>
        <source>There is no indicator %1.</source>
        <translation>没有指标 %1。</translation>
    </message>
    <message>
        <source>Indicator %1 (%2) = %3</source>
        <translation>指标 %1（%2）= %3</translation>
    </message>
    <message>
        <source>No reading of this campaign went into indicator %1.</source>
        <translation>本次测试中没有读数进入指标 %1。</translation>
    </message>
    <message>
        <source>Unknown kind &quot;%1&quot;: say stream, indicator or meter.</source>
        <translation>未知类型“%1”：请指明 stream、indicator 或 meter。</translation>
    </message>
    <message>
        <source>No reading of this campaign is behind %1.</source>
        <translation>本次测试中没有读数构成 %1。</translation>
    </message>
</context>
<context>
    <name>ReadingRoundsPage</name>
    <message>
        <source>%1 of %2 read</source>
        <translation>已抄 %1 / %2</translation>
    </message>
    <message>
        <source>Tap a round to enter or correct its readings.</source>
        <translation>点击某一轮次以录入或更正其读数。</translation>
    </message>
    <message>
        <source>Enter readings</source>
        <translation>录入读数</translation>
    </message>
    <message numerus="yes">
        <source>%n missed</source>
        <translation>
            <numerusform>漏读 %n 块</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n read late</source>
        <translation>
            <numerusform>迟读 %n 块</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>跳过 %n 块</numerusform>
        </translation>
    </message>
    <message>
        <source>No rounds planned in the current campaign: plan the test window first.</source>
        <translation>当前测试没有计划轮次：请先规划测试期。</translation>
    </message>
</context>
<context>
    <name>ReportController</name>
    <message>
        <source>No project is open.</source>
        <translation>未打开项目。</translation>
    </message>
    <message>
        <source>The preview could not be written: %1</source>
        <translation>无法写入预览文件：%1</translation>
    </message>
    <message>
        <source>Make the report first.</source>
        <translation>请先生成报告。</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Make again</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Make report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <source>中文</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Spreadsheet…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <source>Sankey…</source>
        <translation>导出桑基图…</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>No report yet.</source>
        <translation>尚未生成报告。</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Spreadsheet (*.xlsx)</source>
        <translation>电子表格 (*.xlsx)</translation>
    </message>
    <message>
        <source>SVG (*.svg)</source>
        <translation>SVG 图 (*.svg)</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SampleProject</name>
    <message>
        <source>No project session to open the sample in.</source>
        <translation>没有可打开示例项目的会话。</translation>
    </message>
    <message>
        <source>The sample project was made but does not open: %1</source>
        <translation>示例项目已建立，但无法打开：%1</translation>
    </message>
    <message>
        <source>The sample project in %1 does not open (%2); it was left as it is and a fresh sample was made beside it: %3.</source>
        <translation>%1 中的示例项目无法打开（%2）；原文件保持不动，已在旁边新建一个示例项目：%3。</translation>
    </message>
    <message>
        <source>No sample project could be opened or made in %1: %2</source>
        <translation>无法在 %1 中打开或建立示例项目：%2</translation>
    </message>
    <message>
        <source>The sample plant (plants/sample-campaign.json) is not among the shipped data%1.</source>
        <translation>随软件提供的数据中没有示例工厂（plants/sample-campaign.json）%1。</translation>
    </message>
    <message>
        <source>The sample plant %1 cannot be read.</source>
        <translation>无法读取示例工厂文件 %1。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法建立文件夹 %1。</translation>
    </message>
    <message>
        <source>Sample project: water-balance test</source>
        <translation>示例项目：水平衡测试</translation>
    </message>
    <message>
        <source>A salt-lake potash works in Qinghai (made-up sample)</source>
        <translation>青海某盐湖钾镁化工有限公司（虚构示例）</translation>
    </message>
    <message>
        <source>Cannot create the sample project %1: %2</source>
        <translation>无法建立示例项目 %1：%2</translation>
    </message>
    <message>
        <source>The sample plant could not be imported: %1</source>
        <translation>无法导入示例工厂：%1</translation>
    </message>
    <message>
        <source>Cannot move the sample project into place at %1.</source>
        <translation>无法把示例项目移到 %1。</translation>
    </message>
    <message>
        <source>Cannot plan the sample&apos;s test window: %1</source>
        <translation>无法安排示例项目的测试时段：%1</translation>
    </message>
    <message>
        <source>The sample project has no campaign to plan.</source>
        <translation>示例项目没有可安排的测试。</translation>
    </message>
</context>
<context>
    <name>StateMark</name>
    <message>
        <source>Read</source>
        <translation>已读</translation>
    </message>
    <message>
        <source>Read late</source>
        <translation>迟读</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>漏读</translation>
    </message>
    <message>
        <source>To read</source>
        <translation>待读</translation>
    </message>
</context>
<context>
    <name>StepStatusCard</name>
    <message>
        <source>Next: %1</source>
        <translation>下一步：%1</translation>
    </message>
</context>
<context>
    <name>StreamDelegate</name>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 · %2 → %3</source>
        <translation>%1 · %2 → %3</translation>
    </message>
    <message>
        <source>Type unknown</source>
        <translation>类型未知</translation>
    </message>
</context>
<context>
    <name>TestSteps</name>
    <message>
        <source>No plant yet.</source>
        <translation>尚无工厂。</translation>
    </message>
    <message>
        <source>Import a plant file or draw the plant.</source>
        <translation>请导入工厂文件或绘制工厂。</translation>
    </message>
    <message>
        <source>%1 nodes and %2 streams.</source>
        <translation>%1 个节点，%2 条水流。</translation>
    </message>
    <message numerus="yes">
        <source>The plant has %n error(s); fix them first. The first: %1</source>
        <translation>
            <numerusform>工厂有 %n 处错误，请先修正。第一处：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>The plant is valid.</source>
        <translation>工厂有效。</translation>
    </message>
    <message numerus="yes">
        <source>%n meter(s).</source>
        <translation>
            <numerusform>%n 块水表。</numerusform>
        </translation>
    </message>
    <message>
        <source>The plant must be valid first.</source>
        <translation>工厂须先有效。</translation>
    </message>
    <message>
        <source>Checking which flows the meters determine…</source>
        <translation>正在检查水表能确定哪些水量…</translation>
    </message>
    <message numerus="yes">
        <source>%n meter(s) in service.</source>
        <translation>
            <numerusform>在用水表 %n 块。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with an expired calibration.</source>
        <translation>
            <numerusform>其中 %n 块检定已过期。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flow(s) cannot be determined from the meters: %1. Add a meter on one of them.</source>
        <translation>
            <numerusform>有 %n 个水量无法由水表确定：%1。请在其中之一上加装水表。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every flow can be determined.</source>
        <translation>所有水量均可确定。</translation>
    </message>
    <message>
        <source>Have the expired meters calibrated or replaced.</source>
        <translation>请对过期水表进行检定或更换。</translation>
    </message>
    <message>
        <source>No test window yet.</source>
        <translation>尚无测试时段。</translation>
    </message>
    <message>
        <source>A plant is needed first.</source>
        <translation>须先有工厂。</translation>
    </message>
    <message>
        <source>Plan the test window: its days and reading times.</source>
        <translation>请计划测试时段：日期和抄表时间。</translation>
    </message>
    <message>
        <source>Campaign “%1”.</source>
        <translation>测试批次“%1”。</translation>
    </message>
    <message>
        <source>The test window has no start or no end yet.</source>
        <translation>测试时段尚无开始或结束时间。</translation>
    </message>
    <message>
        <source>The test window has no reading times yet.</source>
        <translation>测试时段尚无抄表时间。</translation>
    </message>
    <message numerus="yes">
        <source>Campaign “%1”: %2 to %3, %n reading round(s) planned.</source>
        <translation>
            <numerusform>测试批次“%1”：%2 至 %3，计划 %n 轮抄表。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reading(s) in this campaign.</source>
        <translation>
            <numerusform>本批次共 %n 个读数。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 planned rounds are past.</source>
        <translation>计划的 %2 轮中已过 %1 轮。</translation>
    </message>
    <message>
        <source>Plan the test window first.</source>
        <translation>请先计划测试时段。</translation>
    </message>
    <message>
        <source>Add the meters first.</source>
        <translation>请先添加水表。</translation>
    </message>
    <message numerus="yes">
        <source>%n meter(s) have too few readings for a flow: %1.</source>
        <translation>
            <numerusform>有 %n 块水表的读数不足以计算水量：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every meter has enough readings for a flow.</source>
        <translation>每块水表的读数都足以计算水量。</translation>
    </message>
    <message>
        <source>No balance yet.</source>
        <translation>尚无水平衡结果。</translation>
    </message>
    <message>
        <source>Computing the balance…</source>
        <translation>正在计算水平衡…</translation>
    </message>
    <message>
        <source>More meters or readings are needed before the balance can be checked.</source>
        <translation>需要更多水表或读数才能校核水平衡。</translation>
    </message>
    <message>
        <source>Check on site: %1</source>
        <translation>请现场核查：%1</translation>
    </message>
    <message>
        <source>Find the meter or leak that explains it.</source>
        <translation>请找出造成不平衡的水表或漏点。</translation>
    </message>
    <message>
        <source>No indicators yet.</source>
        <translation>尚无指标。</translation>
    </message>
    <message>
        <source>Computing the indicators…</source>
        <translation>正在计算指标…</translation>
    </message>
    <message>
        <source>%1 of %2 site indicators computed.</source>
        <translation>已计算 %2 项全厂指标中的 %1 项。</translation>
    </message>
    <message>
        <source>The report page is not part of this version yet.</source>
        <translation>此版本尚不包含报告页面。</translation>
    </message>
    <message>
        <source>Export the plant or use shuiheng-cli for the figures meanwhile.</source>
        <translation>在此之前，可导出工厂或使用 shuiheng-cli 获取数据。</translation>
    </message>
    <message>
        <source>No report yet.</source>
        <translation>尚无报告。</translation>
    </message>
    <message>
        <source>The balance must run first.</source>
        <translation>须先计算水平衡。</translation>
    </message>
    <message>
        <source>Ready to write the report.</source>
        <translation>可以编写报告了。</translation>
    </message>
    <message numerus="yes">
        <source>%n indicator(s) cannot be computed yet: the table says what each one needs.</source>
        <translation>
            <numerusform>有 %n 项指标尚无法计算：表中列出了各项所需条件。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TestWindowPage</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Reading times</source>
        <translation>读数时间</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message numerus="yes">
        <source>%n round(s) planned</source>
        <translation>
            <numerusform>计划 %n 轮</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n meter(s) on the route</source>
        <translation>
            <numerusform>路线上 %n 块表</numerusform>
        </translation>
    </message>
    <message>
        <source>No rounds: check the days and the reading times</source>
        <translation>没有轮次：请检查日期和读数时间</translation>
    </message>
    <message>
        <source>Save the plan</source>
        <translation>保存计划</translation>
    </message>
    <message>
        <source>Create the test window</source>
        <translation>创建测试期</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <source>Route: the order the meters are read in</source>
        <translation>路线：抄表顺序</translation>
    </message>
    <message>
        <source>Move %1 up</source>
        <translation>将 %1 上移</translation>
    </message>
    <message>
        <source>Move %1 down</source>
        <translation>将 %1 下移</translation>
    </message>
    <message>
        <source>No meters in service yet: add them on the Meters step.</source>
        <translation>还没有在用的水表：请在“水表”步骤中添加。</translation>
    </message>
</context>
<context>
    <name>TodoList</name>
    <message>
        <source>Check meter %1</source>
        <translation>检查水表 %1</translation>
    </message>
    <message>
        <source>Check the measurement of %1</source>
        <translation>检查 %1 的计量值</translation>
    </message>
    <message>
        <source>Look for a leak</source>
        <translation>查找漏点</translation>
    </message>
    <message>
        <source>Read meter %1 again</source>
        <translation>重新抄读水表 %1</translation>
    </message>
    <message>
        <source>Measure %1 again</source>
        <translation>重新测量 %1</translation>
    </message>
    <message>
        <source>Add a meter on %1</source>
        <translation>在 %1 上加装水表</translation>
    </message>
    <message>
        <source>To do next</source>
        <translation>下一步要做</translation>
    </message>
    <message>
        <source>Nothing yet: the to-do follows the balance.</source>
        <translation>暂无：待办事项随水平衡结果给出。</translation>
    </message>
    <message>
        <source>Nothing to do: no meter would make the balance notably more certain.</source>
        <translation>无需操作：增加任何水表都不会明显提高水平衡的确定性。</translation>
    </message>
</context>
<context>
    <name>VerdictBanner</name>
    <message>
        <source>No balance yet: it needs readings that give flows.</source>
        <translation>尚无水平衡结果：需要能得出水量的读数。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Water-balance testing on site.</source>
        <translation>现场水平衡测试。</translation>
    </message>
    <message>
        <source>Project file to open (.shuiheng).</source>
        <translation>要打开的项目文件（.shuiheng）。</translation>
    </message>
    <message>
        <source>Page to show: projects, plant, meters, window, readings, balance, indicators or report.</source>
        <translation>要显示的页面：projects、plant、meters、window、readings、balance、indicators 或 report。</translation>
    </message>
    <message>
        <source>Render every page offscreen (landscape and portrait; light, dark and sunlight) to PNG files in &lt;dir&gt; and exit. Without a project, a sample project is made for it.</source>
        <translation>在后台将每个页面（横屏和竖屏；浅色、深色和强光主题）渲染为 &lt;dir&gt; 中的 PNG 文件后退出。未指定项目时使用示例项目。</translation>
    </message>
    <message>
        <source>Print the time to the first frame, the project&apos;s opening time and the resident memory as JSON, then exit (benchmarks, tests).</source>
        <translation>以 JSON 输出首帧时间、项目打开时间和常驻内存，然后退出（基准测试、测试用）。</translation>
    </message>
    <message>
        <source>Language of the user interface: zh_CN (the default) or en; remembered.</source>
        <translation>用户界面语言：zh_CN（默认）或 en；会被记住。</translation>
    </message>
    <message>
        <source>Open the sample project on the balance page (made in the user&apos;s data folder the first time, then reused with any changes made in it).</source>
        <translation>打开示例项目并显示水平衡页面（首次在用户数据文件夹中建立，之后沿用，保留其中的改动）。</translation>
    </message>
</context>
</TS>
