"""Weight and height: weight-loss drugs and programmes, and growth-hormone treatment for height.

Guide rules applied here:
- §2 weight-loss row and §1 (China's 减肥/增高 exclusion): losing weight or gaining height without a
  disease is COSMETIC; obesity with its comorbidities, and short stature from a diagnosed disease
  (growth-hormone deficiency, Turner syndrome), are treated diseases: THERAPEUTIC.
- §6.3: English rows use the US bariatric criteria (BMI ≥ 35 with a comorbidity), Chinese rows the
  Chinese ones (BMI ≥ 32.5, or 27.5–32.5 with type 2 diabetes). §6.2: below the threshold but with a
  documented comorbidity is still THERAPEUTIC; normal weight with nothing else is COSMETIC.
- Children of normal height for age with normal growth-hormone tests: height gain is COSMETIC (§2 limb
  lengthening row, "normal stature"). Idiopathic short stature (short, no hormone deficiency) is not
  settled by the guide and has no scenario here.
"""

from __future__ import annotations

from claimclf.corpus.spec import en, procedure, zh

CHILD_EN = {"pt": ["the child", "the boy", "the girl", "this child", "our patient"],
            "age": ["6", "7", "8", "9", "10", "11", "12"]}
CHILD_ZH = {"pt": ["患儿", "该患儿", "被保险人（患儿）"], "age": ["6", "7", "8", "9", "10", "11", "12"]}

WEIGHT_LOSS = procedure(
    key="weight_loss_treatment",
    names_en=["weight-loss medication", "semaglutide for weight loss", "medical weight management",
              "GLP-1 weight-loss injections", "anti-obesity medication", "supervised weight-loss program"],
    names_zh=["减肥药", "减重药物治疗", "司美格鲁肽减重", "减重针", "医学减重治疗", "减重门诊治疗"],
    codeswitch={
        "司美格鲁肽": ["semaglutide", "GLP-1"],
        "奥利司他": ["orlistat"],
        "脂肪肝": ["NAFLD", "fatty liver"],
        "多囊卵巢综合征": ["PCOS"],
        "糖化血红蛋白": ["HbA1c"],
        "溶脂针": ["lipolysis injections", "fat-dissolving injections"],
    },
    scenarios=[
        # Obesity with comorbidities above the US bariatric mark: a treated disease (§2, §6.3).
        en(
            "therapeutic",
            "threshold",
            "!BMI <n:35-46> with {type 2 diabetes (HbA1c <f:7.2-9.8>%)|obstructive sleep apnea on CPAP|hypertension on two drugs|knee osteoarthritis limiting walking}",
            "!{failed|did not respond to} {6 months of supervised diet and exercise|a dietitian-led programme for <n:6-12> months}",
            "<proc> {started|requested}",
        ),
        # Below the surgical mark but with a documented comorbidity: therapeutic (§6.2).
        en(
            "therapeutic",
            "threshold",
            "!BMI <n:31-34>, {below the surgical threshold|under 35}, {with type 2 diabetes and fatty liver|with sleep apnea and prediabetes|with PCOS and insulin resistance}",
            "!{HbA1c rising despite metformin|worsening glucose control|snoring and daytime sleepiness documented}",
            "<proc> {prescribed|requested} for {weight-related disease|metabolic control}",
        ),
        # Appearance words beside a substantiated disease: therapeutic (§1 mixed rule).
        en(
            "therapeutic",
            "keyword_trap",
            "!{she|he|the patient} {also wants|says she wants} to {fit into a wedding dress|look better in photos|feel attractive again}",
            "!BMI <n:36-44> with {type 2 diabetes|sleep apnea|uncontrolled hypertension}, {failed|despite} <n:6-12> months of {diet|lifestyle programme}",
            "<proc>",
        ),
        en(
            "therapeutic",
            "clear",
            "!I {weigh|am at} {over 300 pounds|a BMI over 40} and I {have diabetes|use a CPAP for sleep apnea|have high blood pressure}",
            "!I {did|tried} {Weight Watchers and a dietitian|every diet} for {a year|months} {and couldn't keep it off|without success}",
            "my doctor {prescribed|wants me on} <proc>",
            voice="patient",
        ),
        en(
            "therapeutic",
            "clear",
            "!{can I get|is it possible to get} <proc> {for obesity with type 2 diabetes|if I have sleep apnea and a BMI over 35|for severe obesity}?",
            voice="question",
        ),
        # Normal weight, no disease: weight loss for shape is cosmetic (§2, China 减肥 exclusion).
        en(
            "cosmetic",
            "threshold",
            "!BMI <n:21-26>, {no diabetes, hypertension or sleep apnea|labs normal|no comorbidity}",
            "!{wants|hopes} to {lose <n:4-10> kg|drop a dress size|look slimmer} {before summer|for a wedding|for photos}",
            "<proc> {requested|asked for}",
        ),
        en(
            "cosmetic",
            "negation",
            "!{denies|no} {diabetes|blood pressure problems|joint pain}, {labs normal|fasting glucose normal}",
            "!{wants|requests} <proc> {to lose belly fat|to get a flatter stomach|to look better}",
        ),
        en(
            "cosmetic",
            "keyword_trap",
            "!{doctor|telehealth clinic} {prescribed|wrote} <proc> and {called it medically necessary|noted 'weight management'}",
            "!BMI <n:22-26>, {no comorbidity|healthy}, {goal is|wants} {a slimmer figure|to look toned}",
        ),
        en(
            "cosmetic",
            "clear",
            "!I'm {not overweight|a healthy weight} but I want to lose {10 pounds|a few kilos} {before my wedding|for summer}",
            "!{no health problems|my doctor says I'm healthy}",
            "{does insurance cover|can I claim} <proc>",
            voice="patient",
        ),
        en(
            "cosmetic",
            "clear",
            "!{do fat-dissolving injections work|are weight-loss pills safe|is orlistat ok for a normal-weight person|how fast can I lose 10 pounds} {for belly fat|before a wedding|}?",
            voice="question",
        ),
        zh(
            "therapeutic",
            "threshold",
            "!BMI <n:33-42>，{合并2型糖尿病|合并高血压|合并阻塞性睡眠呼吸暂停|合并脂肪肝}",
            "!{饮食运动干预|规范生活方式干预}<n:6-12>个月{效果不佳|减重失败}",
            "{拟行|申请}<proc>",
        ),
        # China: BMI 27.5–32.5 with type 2 diabetes is an indication (§6.3).
        zh(
            "therapeutic",
            "threshold",
            "!BMI {28|29|30|31|32}，{合并2型糖尿病|2型糖尿病控制不佳}，糖化血红蛋白<f:7.2-9.5>%",
            "!{二甲双胍治疗下血糖仍不达标|饮食控制<n:3-12>个月无效}",
            "{拟行|申请}<proc>{控制体重及血糖|}",
        ),
        zh(
            "therapeutic",
            "keyword_trap",
            "!<pt>{也|还}{希望|想}{穿衣服好看|身材变好|拍照显瘦}",
            "!BMI <n:34-42>，{合并2型糖尿病|合并高血压|合并睡眠呼吸暂停}，{饮食运动<n:6-12>个月无效|多次减重失败}",
            "<proc>",
        ),
        zh(
            "therapeutic",
            "clear",
            "!我{两百多斤|BMI四十多}，{有糖尿病|晚上打呼噜憋醒|血压很高}",
            "!{节食运动|各种减肥方法}{坚持了一年多|试了好几次}{都没用|还是反弹}",
            "医生{开了|建议用}<proc>，{能报吗|医保管吗}",
            voice="patient",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{肥胖合并糖尿病|胖到有睡眠呼吸暂停|重度肥胖合并高血压}{能用<proc>吗|能打司美格鲁肽吗|去哪个科看|要怎么治疗}",
            voice="question",
        ),
        zh(
            "cosmetic",
            "threshold",
            "!BMI <n:20-25>，{无糖尿病、高血压等合并症|各项化验正常|无合并症}",
            "!{希望|要求}{瘦<n:5-10>斤|瘦身|身材更好}",
            "{申请|咨询}<proc>",
        ),
        zh(
            "cosmetic",
            "negation",
            "!{无糖尿病|血糖血压正常|无脂肪肝}，{体重正常|体重在正常范围}",
            "!{想|要求}<proc>{瘦肚子|瘦腿|变苗条}",
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!{互联网医院|减重门诊}{开具|开了}<proc>，{写明|注明}“{体重管理|治疗需要}”",
            "!BMI <n:21-25>，{无合并症|身体健康}，{目的为|只为}{身材苗条|上镜好看}",
        ),
        zh(
            "cosmetic",
            "clear",
            "!我{不胖|体重正常}，就是想{再瘦十斤|瘦个肚子|婚前瘦一点}，{身体没啥毛病|体检都正常}",
            "!想用<proc>，{能报吗|医保能开吗}",
            voice="patient",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{体重正常吃奥利司他|不胖也想打司美格鲁肽|溶脂针瘦肚子|为了瘦身吃减肥药|产后想瘦十斤用减重针}{有效果吗|有副作用吗|会反弹吗}",
            voice="question",
        ),
    ],
)

GROWTH_HORMONE = procedure(
    key="growth_hormone",
    names_en=["growth hormone therapy", "somatropin", "recombinant human growth hormone", "rhGH injections",
              "GH treatment", "height injections"],
    names_zh=["生长激素治疗", "重组人生长激素", "增高针", "生长激素注射", "rhGH治疗"],
    codeswitch={
        "生长激素": ["GH", "growth hormone"],
        "生长激素缺乏症": ["GHD"],
        "骨龄": ["bone age"],
        "特纳综合征": ["Turner syndrome"],
        "激发试验": ["stimulation test"],
        "胰岛素样生长因子": ["IGF-1"],
    },
    scenarios=[
        # Measured short stature with hormone deficiency: treated disease (§1 a, measurement).
        en(
            "therapeutic",
            "threshold",
            "!height {SDS -<f:2.1-3.5>|below the 3rd percentile}, growth velocity <f:2.5-3.9> cm/year",
            "!peak GH {<f:2.0-8.9> ng/mL on two stimulation tests|below 10 ng/mL on arginine and clonidine tests}, low IGF-1",
            "{bone age delayed by <n:2-3> years|MRI pituitary small}",
            "<proc> {requested|started}",
            slots=CHILD_EN,
        ),
        en(
            "therapeutic",
            "clear",
            "!{Turner syndrome (45,X) confirmed on karyotype|Prader-Willi syndrome confirmed genetically|GH deficiency after treatment of a craniopharyngioma}",
            "{height well below the mid-parental target|falling across percentiles}",
            "<proc>",
            slots=CHILD_EN,
        ),
        # "Height injections" from a growth clinic, but documented deficiency: therapeutic.
        en(
            "therapeutic",
            "keyword_trap",
            "!{parents found|family went to} a {private height clinic|'grow taller' centre} advertising <proc> {for taller kids|for extra centimetres}",
            "!{but|however} {endocrine work-up shows GH deficiency (peak <f:2.0-7.5> ng/mL)|the child is below the 1st percentile with confirmed GH deficiency}",
            "<proc>",
            slots=CHILD_EN,
        ),
        en(
            "therapeutic",
            "clear",
            "!my {son|daughter} {was diagnosed with growth hormone deficiency|has Turner syndrome} and {is the shortest in class by far|barely grows 3 cm a year}",
            "{the endocrinologist|the pediatric specialist} {did the tests and|} prescribed <proc>",
            "{please approve it|is it covered}",
            voice="patient",
        ),
        en(
            "therapeutic",
            "clear",
            "!{how long do kids with growth hormone deficiency need <proc>|does <proc> work for Turner syndrome|what tests diagnose growth hormone deficiency}?",
            voice="question",
        ),
        # Normal height for age, normal tests: height gain is cosmetic (§2, normal stature).
        en(
            "cosmetic",
            "threshold",
            "!height {on the <n:25-75>th percentile|SDS <f:-1.0-0.5>}, growth velocity normal, GH {peak normal|stimulation normal}",
            "!parents {want|request} <proc> so {he can be taller|she reaches 170 cm|he can play basketball}",
            slots=CHILD_EN,
        ),
        en(
            "cosmetic",
            "negation",
            "!{no endocrine disease|normal thyroid and GH tests|bone age matches age}, {growing normally|tracking along the 50th percentile}",
            "!{family wants|parents request} <proc> for {extra height|a few more centimetres|a taller adult height}",
            slots=CHILD_EN,
        ),
        en(
            "cosmetic",
            "keyword_trap",
            "!{a clinic letter|the prescriber} {says|calls} <proc> {medically necessary|necessary for self-esteem} because {he is teased|she wants to be a model}",
            "!height {normal for age|on the 40th percentile}, {GH tests normal|no hormone deficiency}",
            slots=CHILD_EN,
        ),
        en(
            "cosmetic",
            "clear",
            "!{my son is average height but we want him to be taller|my daughter is normal height but we want her to be taller|our son is normal height and we want him over six feet}",
            "!the {doctor|clinic} {said|says} the {tests|hormone tests} are normal",
            "{can we get|will insurance pay for} <proc>",
            voice="patient",
        ),
        en(
            "cosmetic",
            "clear",
            "!{does <proc> make a normal kid taller|how many inches can <proc> add for a normal-height teen|are height pills safe for a normal teenager}?",
            voice="question",
        ),
        zh(
            "therapeutic",
            "threshold",
            "!身高{低于同龄同性别儿童-<f:2.1-3.5>SD|低于第3百分位}，{年生长速率<f:2.5-3.9>cm|每年长不到4cm}",
            "!{两项生长激素激发试验峰值<f:2.0-9.0>μg/L|生长激素激发试验峰值低于10μg/L}，{IGF-1降低|骨龄落后<n:2-3>岁}",
            "{诊断生长激素缺乏症，|}{拟行|申请}<proc>",
            slots=CHILD_ZH,
        ),
        zh(
            "therapeutic",
            "clear",
            "!{特纳综合征（染色体45,X）|Prader-Willi综合征|颅咽管瘤术后生长激素缺乏}",
            "{身高明显落后|身高远低于遗传靶身高}",
            "<proc>",
            slots=CHILD_ZH,
        ),
        zh(
            "therapeutic",
            "keyword_trap",
            "!{家长|<pt>家属}{在|去}{增高中心|长高门诊|儿童增高机构}{咨询|要求}打<proc>{长个子|多长几厘米}",
            "!{但|然而}{内分泌检查确诊生长激素缺乏症|激发试验峰值<f:2.0-7.5>μg/L，身高低于-2SD}",
            "<proc>",
            slots=CHILD_ZH,
        ),
        zh(
            "therapeutic",
            "clear",
            "!我{孩子|儿子|女儿}{确诊了生长激素缺乏症|查出来是特纳综合征}，{一年只长两三厘米|在班里最矮}",
            "医生{开了|让打}<proc>，{能报吗|医保管吗}",
            voice="patient",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{生长激素缺乏症|矮小症确诊后|特纳综合征}{打<proc>要打几年|怎么治疗|要做什么检查}",
            voice="question",
        ),
        zh(
            "cosmetic",
            "threshold",
            "!身高{位于第<n:25-75>百分位|在同龄正常范围}，{生长速率正常|激发试验正常}，{骨龄与年龄相符|无内分泌疾病}",
            "!{家长|家属}{要求|希望}打<proc>{再长高几厘米|长到一米八|将来个子高}",
            slots=CHILD_ZH,
        ),
        zh(
            "cosmetic",
            "negation",
            "!{无内分泌疾病|甲功及生长激素检查正常|骨龄正常}，{身高正常|生长曲线平稳}",
            "!{家长|家属}{要求|想}{打<proc>|用<proc>}{增高|多长几厘米}",
            slots=CHILD_ZH,
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!{机构|医生}{开具证明|写明}“{需要|建议}<proc>”，{称|因}{孩子个子不高影响自信|想当模特}",
            "!身高{正常|在第<n:30-60>百分位}，{生长激素检查正常|无激素缺乏}",
            slots=CHILD_ZH,
        ),
        zh(
            "cosmetic",
            "clear",
            "!我孩子{身高正常|个子中等}，{医生说检查都正常|各项指标都正常}，就是想{让他再高点|以后长到一米八}",
            "!{想打|打算打}<proc>，{能报吗|保险管吗}",
            voice="patient",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{身高正常的孩子打<proc>|为了长高打<proc>|增高药和<proc>}{有用吗|有副作用吗|能多长几厘米}",
            voice="question",
        ),
    ],
)

PROCEDURES = [
    WEIGHT_LOSS,
    GROWTH_HORMONE,
]
