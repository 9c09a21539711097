"""Long transcribed notes: an operative note and a consultation in English, an admission record in Chinese.

Real clinical notes are mostly boilerplate (anaesthesia, prep and drape, time-out, closure,
dressings, review of systems) around a few sentences that say why the procedure is done. Here the
boilerplate is drawn from pools that depend on the procedure's *site* only, never on the label, and
never state a reason; the scenario's clauses (the reason) go into the indications, the history of
present illness and the assessment. So a model trained on these notes has to find the reason
inside a long text, as it must on a real one.

Everything here is label-neutral on purpose. A sentence that would change a label in any scenario
(a disease, a symptom, a normal finding, trauma, prior surgery in the area, weight) does not belong
in these pools.
"""

from __future__ import annotations

import random
import re

from claimclf.corpus.template import expand

SITE_SLOT = "site"

# Per site: the area prepped, the anaesthesia, technique sentences (a few are kept, in order),
# closure and dressing. Keys are the ``site`` of a procedure; "" is the fallback.
SITES: dict[str, dict[str, list[str]]] = {
    "": {
        "area": ["operative field", "operative site"],
        "anesthesia": ["General endotracheal anesthesia", "Local anesthesia with IV sedation", "Monitored anesthesia care"],
        "steps": [
            "The planned incisions were marked with a surgical marking pen.",
            "An incision was made with a #15 blade and carried down through the dermis.",
            "Dissection was carried out in the planned plane with electrocautery.",
            "The planned tissue work was completed as marked preoperatively.",
            "The field was irrigated with warm saline.",
        ],
        "closure": ["The deep layer was closed with 3-0 Vicryl and the skin with 4-0 Monocryl in a running subcuticular fashion."],
        "dressing": ["Steri-Strips and a dry sterile dressing were applied.", "Dermabond and a light dressing were applied."],
        "kind": ["operative"],
    },
    "eyelid": {
        "area": ["face", "periorbital region", "face and both eyelids"],
        "anesthesia": ["Local anesthesia with IV sedation", "Monitored anesthesia care with local infiltration",
                       "Local, 2% lidocaine with 1:100,000 epinephrine"],
        "steps": [
            "Corneal protective shields were placed {after a drop of tetracaine|with ophthalmic ointment}.",
            "The planned lines were marked along the natural eyelid folds with calipers, symmetric on both sides.",
            "The skin was incised with a #15 blade{| along the markings}.",
            "A strip of {skin|skin and orbicularis} was excised with Westcott scissors.",
            "{The orbital septum was opened|The fat pads were addressed} as planned, with careful bipolar hemostasis.",
            "Symmetry was checked with the patient's eyes open and closed.",
        ],
        "closure": ["The skin was closed with a running 6-0 Prolene suture.", "The incisions were closed with interrupted "
            "and running 6-0 fast-absorbing gut."],
        "dressing": ["Ophthalmic ointment was applied and cold compresses were started in recovery.",
                     "Antibiotic ophthalmic ointment was placed on the incisions; ice packs were applied."],
        "kind": ["operative"],
    },
    "nose": {
        "area": ["face", "face and nasal vestibule"],
        "anesthesia": ["General endotracheal anesthesia", "General anesthesia with an oral RAE tube"],
        "steps": [
            "The nose was decongested with oxymetazoline-soaked pledgets.",
            "{1% lidocaine with 1:100,000 epinephrine|Local anesthetic with epinephrine} was infiltrated into the septum and "
                "nasal soft tissues.",
            "A {hemitransfixion|marginal|transcolumellar} incision was made{| with a #15 blade}.",
            "Mucoperichondrial flaps were elevated with a Cottle elevator.",
            "Cartilage was harvested and shaped on the back table as planned.",
            "The {septal|cartilaginous} work was completed and the result was checked from several angles.",
        ],
        "closure": ["Incisions were closed with 4-0 chromic and 6-0 nylon sutures.",
                    "The mucosal incisions were closed with 4-0 plain gut; a quilting stitch was placed."],
        "dressing": ["Doyle splints were placed and sutured, and an external thermoplastic splint was applied.",
                     "Telfa nasal packs and a drip pad were placed; an external splint was applied."],
        "kind": ["operative"],
    },
    "ear": {
        "area": ["head and ear", "ear and postauricular region"],
        "anesthesia": ["General anesthesia via LMA", "Local anesthesia with IV sedation"],
        "steps": [
            "The planned postauricular incisions were marked.",
            "Local anesthetic with epinephrine was infiltrated around the ear.",
            "The skin was elevated off the perichondrium{| with fine scissors}.",
            "The cartilage framework was shaped{| and sutured} as planned.",
            "The position of the ear was checked against the opposite side.",
        ],
        "closure": ["The skin was closed with 5-0 fast-absorbing gut."],
        "dressing": ["Cotton soaked in mineral oil was packed into the folds and a mastoid dressing was applied."],
        "kind": ["operative"],
    },
    "lip": {
        "area": ["face and oral cavity", "face"],
        "anesthesia": ["General endotracheal anesthesia with an oral RAE tube"],
        "steps": [
            "Landmarks were tattooed with methylene blue{| on a 27-gauge needle}.",
            "Local anesthetic with epinephrine was infiltrated along the markings.",
            "Full-thickness incisions were made along the markings.",
            "The orbicularis oris was dissected free and repaired{| in layers}.",
            "Mucosal flaps were raised and approximated.",
        ],
        "closure": ["Mucosa was closed with 5-0 chromic, muscle with 5-0 Vicryl and skin with 6-0 nylon."],
        "dressing": ["Antibiotic ointment was applied; arm restraints were placed.", "A Logan bow and light dressing were applied."],
        "kind": ["operative"],
    },
    "face": {
        "area": ["face and neck", "face and scalp"],
        "anesthesia": ["General endotracheal anesthesia", "Local anesthesia with IV sedation"],
        "steps": [
            "The planned incisions were marked{| in the temporal hair and around the ear}.",
            "Tumescent solution was infiltrated in the planned planes.",
            "A skin flap was elevated with facelift scissors.",
            "The deeper tissues were {plicated|suspended} with 3-0 PDS sutures.",
            "The facial nerve branches were identified and protected{| with a nerve stimulator}.",
            "Redundant tissue was trimmed{| without tension}.",
        ],
        "closure": ["Incisions were closed with 5-0 Monocryl and 6-0 Prolene; scalp incisions were stapled."],
        "dressing": ["A drain was placed and a light compressive head dressing was applied."],
        "kind": ["operative"],
    },
    "jaw": {
        "area": ["face and oral cavity"],
        "anesthesia": ["General anesthesia with nasotracheal intubation"],
        "steps": [
            "Arch bars were placed{| on both arches}.",
            "Local anesthetic with epinephrine was infiltrated in the vestibule.",
            "A vestibular incision was made and a subperiosteal dissection performed.",
            "The planned osteotomies were completed with a reciprocating saw and osteotomes.",
            "The segments were placed into the splint and fixed with titanium plates and screws.",
            "The occlusion was checked after release of maxillomandibular fixation.",
        ],
        "closure": ["The mucosa was closed with running 3-0 chromic."],
        "dressing": ["A cold compressive facial dressing was applied; guiding elastics were placed."],
        "kind": ["operative"],
    },
    "breast": {
        "area": ["chest", "chest and both axillae"],
        "anesthesia": ["General endotracheal anesthesia", "General anesthesia via LMA"],
        "steps": [
            "Preoperative markings were confirmed with the patient upright{| in the holding area}.",
            "Tumescent solution was infiltrated along the planned incisions.",
            "The incisions were made as marked and carried through the dermis.",
            "Dissection proceeded with electrocautery in the planned plane{| toward the pectoralis fascia}.",
            "{Sizers were placed and the patient sat up to check symmetry|The patient was sat upright to check symmetry}.",
            "The pockets were irrigated with triple-antibiotic solution.",
        ],
        "closure": ["Closure was in layers with 3-0 Vicryl deep dermal and 4-0 Monocryl running subcuticular sutures."],
        "dressing": ["Dermabond, gauze and a surgical bra were applied.", "Steri-Strips, ABD pads and a supportive surgical "
            "bra were applied."],
        "kind": ["operative"],
    },
    "abdomen": {
        "area": ["abdomen", "abdomen and upper thighs"],
        "anesthesia": ["General endotracheal anesthesia"],
        "steps": [
            "The planned lower incision was marked with the patient standing.",
            "Sequential compression devices were placed on both legs.",
            "The lower incision was made and carried to the fascia with electrocautery.",
            "The flap was elevated in the loose areolar plane.",
            "The table was flexed and the excess tissue was marked and excised.",
            "Two {Blake|Jackson-Pratt} drains were placed{| through separate stab incisions}.",
        ],
        "closure": ["Scarpa's fascia was closed with 2-0 Vicryl, the deep dermis with 3-0 Vicryl and the skin with 4-0 Monocryl."],
        "dressing": ["Dermabond, ABD pads and an abdominal binder were applied."],
        "kind": ["operative"],
    },
    "body": {
        "area": ["operative areas", "treated areas", "trunk and thighs"],
        "anesthesia": ["General anesthesia via LMA", "Local tumescent anesthesia with oral sedation"],
        "steps": [
            "The treatment areas were marked with the patient standing.",
            "Stab incisions were made{| in inconspicuous locations}.",
            "Tumescent solution was infiltrated and allowed to take effect.",
            "Suction-assisted aspiration was carried out with {3|4} mm cannulas in a criss-cross pattern.",
            "The areas were checked for contour by pinch test.",
        ],
        "closure": ["The access incisions were closed with 5-0 nylon."],
        "dressing": ["Foam padding and a compression garment were applied."],
        "kind": ["operative"],
    },
    "bariatric": {
        "area": ["abdomen"],
        "anesthesia": ["General endotracheal anesthesia"],
        "steps": [
            "Pneumoperitoneum was obtained with an optical trocar in the left upper quadrant.",
            "Additional ports were placed under direct vision.",
            "The liver was retracted with a Nathanson retractor.",
            "The greater curvature was mobilized with the vessel-sealing device.",
            "A {36|38|40} French bougie was passed and the stomach was divided with sequential staple loads.",
            "A leak test was performed with {air|methylene blue} and was negative.",
        ],
        "closure": ["The fascia at the 15 mm port was closed with 0 Vicryl; skin with 4-0 Monocryl."],
        "dressing": ["Dermabond was applied to the port sites."],
        "kind": ["operative"],
    },
    "limb": {
        "area": ["lower extremity", "lower extremities"],
        "anesthesia": ["General endotracheal anesthesia with a regional block"],
        "steps": [
            "A tourniquet was placed but not inflated.",
            "The planned osteotomy level was confirmed under fluoroscopy.",
            "A percutaneous osteotomy was made with multiple drill holes and an osteotome.",
            "The lengthening device was inserted and locked under fluoroscopic guidance.",
            "Position was confirmed on AP and lateral images.",
        ],
        "closure": ["Incisions were closed with 3-0 nylon."],
        "dressing": ["Sterile dressings and a well-padded splint were applied."],
        "kind": ["operative"],
    },
    "skin": {
        "area": ["operative site", "area"],
        "anesthesia": ["Local, 1% lidocaine with 1:100,000 epinephrine", "Local anesthesia"],
        "steps": [
            "An elliptical excision was marked along the relaxed skin tension lines.",
            "The area was infiltrated with local anesthetic.",
            "The ellipse was excised full thickness with a #15 blade.",
            "The wound edges were undermined{| in the subcutaneous plane}.",
            "{A local flap was designed and transposed|The wound was reoriented with a Z-plasty} as planned.",
        ],
        "closure": ["The deep dermis was closed with 4-0 Monocryl and the skin with 5-0 nylon interrupted sutures."],
        "dressing": ["Bacitracin, Telfa and a pressure dressing were applied."],
        "kind": ["operative"],
    },
    "graft": {
        "area": ["operative site and donor site", "recipient and donor sites"],
        "anesthesia": ["General endotracheal anesthesia", "General anesthesia via LMA"],
        "steps": [
            "The recipient site was marked and the tissue excised down to healthy subcutaneous tissue.",
            "A template of the defect was made.",
            "A {full-thickness|split-thickness} graft was harvested from the {groin|lateral thigh|supraclavicular area} "
                "{with a dermatome|as marked}.",
            "The graft was defatted and inset with 5-0 chromic sutures.",
            "Multiple pie-crusting incisions were made in the graft.",
        ],
        "closure": ["The donor site was closed primarily with 4-0 Monocryl."],
        "dressing": ["A bolster dressing of Xeroform and cotton was tied over the graft.", "Negative-pressure dressing was "
            "applied over the graft."],
        "kind": ["operative"],
    },
    "laser": {
        "area": ["treatment area", "skin of the treatment area"],
        "anesthesia": ["Topical anesthetic cream applied for 45 minutes", "Topical anesthesia and forced cold air"],
        "steps": [
            "Laser safety precautions were observed; wavelength-specific eyewear was worn by all in the room.",
            "Protective eye shields were placed.",
            "The skin was cleansed{| with gentle cleanser and dried}.",
            "A test spot was performed and the endpoint was observed.",
            "The area was treated in {one|two} passes with {10%|20%} overlap{| with cooling}.",
        ],
        "closure": ["No incisions were made."],
        "dressing": ["A bland emollient was applied; sun protection was reviewed.", "Cool compresses and petrolatum were applied."],
        "kind": ["procedure"],
    },
    "hair": {
        "area": ["scalp", "donor and recipient areas"],
        "anesthesia": ["Local ring block with lidocaine and bupivacaine with epinephrine, oral sedation"],
        "steps": [
            "The donor area was trimmed{| to 1 mm}.",
            "Follicular units were harvested with a {0.9|1.0} mm punch{| under magnification}.",
            "Grafts were kept in chilled holding solution and sorted by number of hairs.",
            "Recipient sites were made with fine blades at the planned angle.",
            "Grafts were placed with forceps{| by the team}.",
        ],
        "closure": ["The donor area was left to heal by secondary intention."],
        "dressing": ["A nonadherent dressing and a headband were applied."],
        "kind": ["procedure"],
    },
    "injection": {
        "area": ["treatment area", "skin of the injection sites"],
        "anesthesia": ["None required", "Topical anesthetic cream"],
        "steps": [
            "The injection sites were marked{| with a white pencil}.",
            "The skin was cleansed with alcohol{| and chlorhexidine}.",
            "The product was {reconstituted|prepared} {according to the label|as per the package insert}.",
            "Injections were given with a {30|32}-gauge needle in small aliquots at the marked points.",
            "Gentle pressure was applied to each site.",
        ],
        "closure": ["No incisions were made."],
        "dressing": ["Ice packs were offered; the patient was observed for 15 minutes."],
        "kind": ["procedure"],
    },
    "vein": {
        "area": ["leg", "lower extremity"],
        "anesthesia": ["Local tumescent anesthesia", "Local anesthesia"],
        "steps": [
            "The vein was mapped with duplex ultrasound and marked.",
            "Access was obtained with a micropuncture needle under ultrasound guidance.",
            "The {catheter|fiber} was advanced and its tip positioned 2 cm from the junction.",
            "Tumescent anesthesia was infiltrated along the course of the vein.",
            "Treatment was delivered during a slow pullback.",
        ],
        "closure": ["The access site was closed with a Steri-Strip."],
        "dressing": ["A compression stocking was applied."],
        "kind": ["procedure"],
    },
    "dental": {
        "area": ["oral cavity"],
        "anesthesia": ["Local anesthesia, articaine 4% with epinephrine", "Local infiltration"],
        "steps": [
            "Shade was selected under natural light{| and photographed}.",
            "The teeth were isolated{| with a rubber dam}.",
            "Conservative preparation was done with depth-cutting burs.",
            "Impressions were taken and temporaries placed.",
            "The restorations were tried in, etched, and bonded with resin cement.",
        ],
        "closure": ["Excess cement was removed and the occlusion was checked."],
        "dressing": ["Home care instructions were given."],
        "kind": ["procedure"],
    },
}

SURGEONS_EN = ["A. Reyes", "M. Chow", "K. Adeyemi", "J. Fischer", "S. Okonkwo", "L. Bianchi", "R. Das", "E. Novak"]
_SUBJECT = "{a <age>-year-old patient|a <age>-year-old|a patient aged <age>}"


def _site(slots: dict) -> dict[str, list[str]]:
    site = slots.get(SITE_SLOT, [""])[0]
    return SITES.get(site, SITES[""])


def _sentences(clauses: list[str]) -> str:
    out = []
    for c in clauses:
        c = c.strip().rstrip(".;")
        if c:
            out.append(c[0].upper() + c[1:] + ".")
    return " ".join(out)


def _headline(clause: str) -> str:
    """A short diagnosis line from a clause: up to its first ';' or ',', at most about ten words."""
    head = clause.strip().rstrip(".")
    for sep in (";", ","):
        head = head.split(sep)[0]
    words = head.split()
    head = " ".join(words[:12])
    return head[:1].upper() + head[1:]


def _tidy(lines: list[str]) -> str:
    """The note's lines joined, without the double spaces an empty alternative leaves."""
    return "\n".join(re.sub(r" {2,}", " ", line).rstrip() for line in lines)


def _some(rng: random.Random, items: list[str], lo: int, hi: int, slots: dict) -> list[str]:
    """Between ``lo`` and ``hi`` of ``items``, kept in their order, expanded."""
    k = min(len(items), rng.randint(lo, hi))
    picked = sorted(rng.sample(range(len(items)), k=k))
    return [expand(items[i], rng, slots) for i in picked]


CONSENT_EN = [
    "The risks, benefits and alternatives were discussed at length, including bleeding, infection, scarring, asymmetry, "
    "{contour irregularity|changes in sensation}, {anesthesia risks|wound healing problems} and the possible need for "
    "further procedures. {All questions were answered|The patient's questions were answered}, "
    "and {informed consent was signed|written consent was obtained and placed in the chart}.",
    "We talked about what to expect {after surgery|during recovery}, how long the swelling usually lasts and when the patient can "
    "return to work. The patient {would like to proceed|wants to go ahead|is asking to proceed}, and consent was signed.",
]
POSTOP_EN = [
    "{Sleep with the head elevated|Keep the head elevated} for {one week|several days}. No heavy lifting or strenuous exercise for "
    "{two|three} weeks. {Do not|Please do not} get the incisions wet for 48 hours.",
    "{Return to clinic|Follow up in the office} in {5|7|10} days for a wound check{| and suture removal}, then in <n:2-6> months. "
    "Call the office or go to the hospital for fever, spreading redness or bleeding that does not stop with pressure.",
    "{Acetaminophen|Tylenol} as needed; {avoid|no} aspirin and ibuprofen for one week. Resume the usual diet as tolerated.",
]


def operative_note_en(rng: random.Random, clauses: list[str], slots: dict) -> str:
    """A full operative (or procedure) note; the clauses are the indications."""
    site = _site(slots)
    kind = rng.choice(site["kind"])
    title = expand(
        "{OPERATIVE REPORT|OPERATIVE NOTE|OPERATIVE NOTE - {PLASTIC SURGERY|OUTPATIENT SURGERY}}" if kind == "operative"
        else "{PROCEDURE NOTE|OFFICE PROCEDURE NOTE|PROCEDURE REPORT}", rng, slots)
    dx = _headline(clauses[0]) if clauses else expand("<proc>", rng, slots)
    lines = [title, ""]
    lines.append(expand(f"DATE OF {'SURGERY' if kind == 'operative' else 'SERVICE'}: <month> <n:1-28>, <n:2016-2024>", rng, slots))
    lines.append(f"PREOPERATIVE DIAGNOSIS: {dx}.")
    lines.append(expand("POSTOPERATIVE DIAGNOSIS: {Same|Same as above|Same as preoperative diagnosis}.", rng, slots))
    lines.append(expand("{PROCEDURE|PROCEDURE PERFORMED|OPERATION}: <proc>[ (CPT <code>)].", rng, slots))
    lines.append(expand(f"{{SURGEON|ATTENDING}}: {rng.choice(SURGEONS_EN)}, MD.", rng, slots))
    if kind == "operative":
        lines.append(expand("ASSISTANT: {None|J. Park, MD, resident|K. Hale, PA-C|T. Mills, surgical assistant}.", rng, slots))
    lines.append(expand(f"ANESTHESIA: {rng.choice(site['anesthesia'])}.", rng, slots))
    if kind == "operative":
        lines.append(expand("ESTIMATED BLOOD LOSS: {Minimal|Less than 10 mL|<n:5-60> mL}.", rng, slots))
        lines.append(expand("FLUIDS: <n:4-15>00 mL crystalloid.", rng, slots))
        lines.append(expand("SPECIMENS: {None|As described}.", rng, slots))
    lines.append("COMPLICATIONS: None.")
    lines.append(expand("CONDITION: {Stable|Good}.", rng, slots))
    lines.append("")
    cut = max(1, len(clauses) - (1 if len(clauses) > 2 and rng.random() < 0.5 else 0))
    indications = expand(f"INDICATIONS: {{The patient is|This is}} {_SUBJECT} seen for <proc>. ", rng, slots)
    indications += _sentences(clauses[:cut]) + " " + expand(rng.choice(CONSENT_EN), rng, slots)
    lines.append(indications)
    lines.append("")
    desc = [expand("{DESCRIPTION OF PROCEDURE|DESCRIPTION OF THE PROCEDURE|PROCEDURE IN DETAIL}: "
                   "The patient was {identified|seen} in the {preoperative holding area|procedure room}{, where the markings were "
                   "{made|reviewed} with the patient sitting upright|}.", rng, slots)]
    if kind == "operative":
        desc.append(expand("The patient was brought to the operating room and placed supine on the table{| with all pressure "
            "points padded}. "
                           "{Anesthesia was induced without difficulty|Sedation was given by the anesthesia team}. "
                           "{Preoperative antibiotics were given within one hour of incision.|Cefazolin 2 g IV was given "
                               "before incision.|}",
                           rng, slots))
    if kind == "operative":
        desc.append(expand("{Sequential compression devices were placed on both legs and activated.|A warming blanket was placed.|}"
                           "{ The eyes were protected with lubricant and tape.|}", rng, slots))
    desc.append(expand(f"The {rng.choice(site['area'])} was prepped with {{Betadine|chlorhexidine}} and draped in the usual "
                       "sterile fashion. A time-out was performed confirming the patient, procedure, site and side{| with "
                           "all members of the team}.",
                       rng, slots))
    desc += _some(rng, site["steps"], 3, 6, slots)
    if kind == "operative":
        desc.append(expand("Hemostasis was obtained with {bipolar cautery|electrocautery}{| and the field was irrigated}.", rng, slots))
    desc.append(expand(rng.choice(site["closure"]), rng, slots))
    desc.append(expand("{The wounds were cleaned and dried.|The skin was cleaned with saline and dried.|}", rng, slots))
    desc.append(expand(rng.choice(site["dressing"]), rng, slots))
    if kind == "operative":
        desc.append(expand("All sponge, needle and instrument counts were correct{| at the end of the case}.", rng, slots))
    desc.append(expand("The patient tolerated the procedure well{ and was taken to the recovery room in stable condition| without "
                       "complication|}.", rng, slots))
    if len(clauses) > cut:
        desc.append(_sentences(clauses[cut:]))
    lines.append(" ".join(desc))
    lines.append("")
    lines.append(expand("{ATTESTATION|ATTENDING STATEMENT}: I was present {for|and scrubbed for} the {entire procedure|key and critical "
                        "portions of the procedure}{ and immediately available throughout|}.", rng, slots))
    lines.append("")
    lines.append(expand("DISPOSITION: {Discharged home with a responsible adult|Discharged home the same day|"
                        "Admitted for overnight observation}. ", rng, slots) + " ".join(_some(rng, POSTOP_EN, 1, 3, slots)))
    return _tidy(lines)


PMH_EN = ["Remote appendectomy", "Tonsillectomy in childhood", "Wisdom teeth extraction", "Knee arthroscopy {years ago|in college}",
          "Laparoscopic cholecystectomy", "Kidney stones {once|years ago}", "Vitamin D deficiency", "Childhood asthma, quiet for years"]
MEDS_EN = ["multivitamin", "vitamin D", "oral contraceptive", "fish oil", "calcium", "a probiotic"]
ALLERGIES_EN = ["No known drug allergies", "NKDA", "Penicillin (rash)", "Sulfa drugs", "Codeine (nausea)", "Latex (itching)"]
JOBS_EN = ["a teacher", "an accountant", "a nurse", "a software engineer", "a retail manager", "a student", "a truck driver",
           "a hairdresser", "retired", "a chef", "an electrician", "an office administrator"]
ROS_EN = [
    "Constitutional: {no|denies} fevers or chills",
    "Cardiovascular: {no|denies} chest pain or palpitations",
    "Respiratory: {no|denies} cough or wheezing",
    "Gastrointestinal: {no|denies} nausea, vomiting or change in bowel habits",
    "Genitourinary: {no|denies} dysuria",
    "Hematologic: {no|denies} easy bruising{| or a bleeding disorder}",
    "Neurologic: {no|denies} seizures{| or fainting}",
]


def consultation_note_en(rng: random.Random, clauses: list[str], slots: dict) -> str:
    """A new-patient consultation; the clauses go into the HPI, the focused exam and the assessment."""
    n = len(clauses)
    cut = rng.randint(1, n - 1) if n > 1 else 1
    hpi, rest = clauses[:cut], clauses[cut:]
    lines = [expand("{PLASTIC SURGERY CONSULTATION|CONSULTATION NOTE|NEW PATIENT CONSULTATION|OUTPATIENT CONSULTATION}", rng, slots), ""]
    lines.append(expand("DATE OF SERVICE: <month> <n:1-28>, <n:2016-2024>", rng, slots))
    lines.append(expand("REFERRING {PHYSICIAN|PROVIDER}: {Dr. {Hall|Yip|Mensah|Ortega|Lund|Farah}|Self-referred}", rng, slots))
    lines.append(expand("REASON FOR CONSULTATION: {Evaluation for|Discussion of|Consultation regarding} <proc>.", rng, slots))
    lines.append("")
    lines.append(expand(f"HISTORY OF PRESENT ILLNESS: {{The patient is|This is}} {_SUBJECT} who {{presents|comes in|is seen today}} "
                        "{for evaluation of|to discuss|with questions about} <proc>. ", rng, slots) + _sentences(hpi)
                 + expand(" The patient {has researched the procedure|has read about the recovery|brought a list of "
                          "questions} and {would like to know|wants to know|is asking} {how long the recovery takes|what the "
                              "scars will look like|"
                          "when it would be possible to return to work}.", rng, slots))
    lines.append("")
    lines.append(expand("PAST MEDICAL HISTORY: {" + "|".join(PMH_EN) + "}. Otherwise as noted in the HPI.", rng, slots))
    lines.append(expand("PAST SURGICAL HISTORY: {" + "|".join(PMH_EN[:5]) + "}; otherwise as above.", rng, slots))
    lines.append(expand("MEDICATIONS: Reviewed{; includes| and reconciled, including} {" + "|".join(MEDS_EN) + "}.", rng, slots))
    lines.append(expand("ALLERGIES: {" + "|".join(ALLERGIES_EN) + "}.", rng, slots))
    lines.append(expand("SOCIAL HISTORY: {Never smoker|Nonsmoker|Former smoker, quit <n:3-20> years ago|Does not smoke}; "
                        "{drinks socially|occasional alcohol|no alcohol|denies alcohol use}. Works as {" + "|".join(JOBS_EN) + "}. "
                        "{Lives with {a partner|family|a roommate}|Lives alone}.", rng, slots))
    lines.append(expand("FAMILY HISTORY: {Noncontributory|No family history of problems with anesthesia|No bleeding "
        "disorders in the family}.",
                        rng, slots))
    ros = _some(rng, ROS_EN, 3, 6, slots)
    lines.append("REVIEW OF SYSTEMS: " + ". ".join(ros) + expand(". {All other systems reviewed and negative except as in the HPI."
                                                                   "|Otherwise negative except as noted in the HPI.}", rng, slots))
    lines.append("")
    exam = expand("PHYSICAL EXAMINATION: Vitals: BP <n:108-128>/<n:66-82>, HR <n:60-88>, afebrile. General: {well-appearing|pleasant}, "
                  "{alert and oriented|in no acute distress}. Heart: regular rate and rhythm. Lungs: clear to auscultation bilaterally. ",
                  rng, slots)
    focused = rest[:1] if rest and rng.random() < 0.5 else []
    exam += "Focused examination: " + (_sentences(focused) if focused else "as described in the history above.")
    lines.append(exam)
    lines.append("")
    plan_clauses = rest[len(focused):]
    plan = expand(f"ASSESSMENT AND PLAN: {{The patient is|This is}} {_SUBJECT} seen for <proc>. ", rng, slots)
    plan += _sentences(plan_clauses) + (" " if plan_clauses else "")
    plan += expand(rng.choice(CONSENT_EN), rng, slots)
    plan += expand(" {Photographs were taken today.|Standard photographs were obtained.|} {We will submit for {authorization|"
                   "prior authorization}.|Surgery will be scheduled at {the hospital|the surgery center|our office}.|"
                   "The office will call with a date.} {Follow up in <n:2-6> {weeks|months} or sooner as needed.|Return "
                       "<n:2-3> months after the procedure for "
                   "routine follow-up.}", rng, slots)
    lines.append(plan)
    lines.append("")
    lines.append(expand(f"{{Electronically signed by|Dictated by}} {rng.choice(SURGEONS_EN)}, MD{{| - dictated but not read}}", rng, slots))
    return _tidy(lines)


ZH_SITE_STEPS: dict[str, list[str]] = {
    "": ["按术前设计线切开皮肤", "逐层分离至预定层次", "按术前设计完成手术操作", "生理盐水冲洗术区"],
    "eyelid": ["亚甲蓝标记切口线，两侧对称", "沿标记线切开皮肤", "{剪除|去除}设计范围内组织", "双极电凝止血", "嘱患者睁闭眼观察两侧对称"],
    "nose": ["收缩鼻腔黏膜", "鼻中隔及鼻部软组织局部浸润", "{鼻小柱|鼻前庭}切口", "分离黏软骨膜瓣", "按术前设计处理软骨"],
    "ear": ["耳后设计切口", "局部浸润麻醉", "分离皮肤至软骨膜表面", "按设计塑形软骨并缝合固定", "与对侧对比位置"],
    "lip": ["亚甲蓝标记定点", "全层切开", "分离并对位缝合口轮匝肌", "黏膜瓣对位"],
    "face": ["按设计标记切口", "注射肿胀液", "掀起皮瓣", "保护面神经分支", "悬吊缝合深层组织"],
    "jaw": ["口内前庭沟切口", "骨膜下剥离", "按设计完成截骨", "钛板钛钉坚强内固定", "检查咬合关系"],
    "breast": ["坐位确认术前标记", "沿设计线切开", "电刀分离至预定层次", "坐起检查两侧对称", "抗生素溶液冲洗腔隙"],
    "abdomen": ["站立位标记下切口", "切开至深筋膜浅层", "掀起皮瓣", "屈曲手术床后切除多余组织", "放置引流管两根"],
    "body": ["站立位标记治疗范围", "隐蔽处小切口", "注射肿胀液", "{3|4}mm吸管扇形抽吸", "检查轮廓平整"],
    "bariatric": ["建立气腹", "直视下置入各操作孔", "牵开肝脏", "游离胃大弯", "置入支撑管后切割闭合", "行漏气试验阴性"],
    "limb": ["透视下确定截骨平面", "经皮截骨", "置入延长装置并锁定", "透视确认位置"],
    "skin": ["沿皮纹设计梭形切口", "局部浸润麻醉", "全层切除", "皮下潜行分离", "减张缝合"],
    "graft": ["切除至健康组织", "制作创面模板", "于{腹股沟|大腿外侧}切取皮片", "皮片打孔后缝合固定", "打包加压包扎"],
    "laser": ["佩戴防护眼罩", "清洁皮肤", "先做光斑测试观察反应", "按设定参数治疗{一|两}遍", "术后冷敷"],
    "hair": ["修剪供区毛发", "显微镜下提取毛囊单位", "毛囊低温保存分类", "受区打孔", "种植毛囊"],
    "injection": ["标记注射点", "酒精消毒", "按说明书配制药物", "多点小剂量注射", "按压注射点"],
    "vein": ["超声下标记静脉走行", "超声引导下穿刺置管", "沿静脉注射肿胀液", "回撤导管完成治疗"],
    "dental": ["自然光下比色", "橡皮障隔离", "微创备牙", "取模并戴临时修复体", "试戴后粘接"],
}


def admission_record_zh(rng: random.Random, clauses: list[str], slots: dict) -> str:
    """入院记录 with a 手术记录: the clauses are the 主诉, 现病史 and 手术指征; the rest is the same for every label."""
    site = slots.get(SITE_SLOT, [""])[0]
    steps = ZH_SITE_STEPS.get(site, ZH_SITE_STEPS[""])

    def sent(cs: list[str]) -> str:
        return "".join(c.strip().rstrip("。；，") + "。" for c in cs if c.strip())

    chief = clauses[0].strip().rstrip("。；，") if clauses else ""
    parts = [expand("{入院记录|住院病历|入院记录（择期手术）}", rng, slots)]
    parts.append(expand("姓名：<pt>　年龄：<age>岁　职业：{职员|教师|自由职业|学生|工人|个体}　"
                        "入院日期：<n:2019-2025>年<n:1-12>月<n:1-28>日",
                        rng, slots))
    parts.append(f"主诉：{chief}。")
    parts.append("现病史：" + sent(clauses) + expand("{门诊|专科门诊}拟“<proc>”收入院。病程中精神{可|好}，饮食睡眠{可|尚可}，大小便正常。",
                                                  rng, slots))
    parts.append(expand("既往史：{平素健康状况{良好|一般}|既往体健}，否认肝炎、结核等传染病史，{否认|无}输血史，{否认药物及食物过敏史|"
                        "有青霉素过敏史|无药物过敏史}，预防接种史随当地进行。", rng, slots))
    parts.append(expand("个人史：生于原籍，{无|否认}疫区居住史，{无烟酒嗜好|不吸烟，偶饮酒|吸烟<n:2-10>年，已戒}。", rng, slots))
    parts.append(expand("婚育史：{无特殊|见病案首页}。家族史：{否认家族遗传病史|家族中无类似病史|无特殊}。", rng, slots))
    parts.append(expand("体格检查：T 36.<n:2-8>℃，P <n:62-90>次/分，R <n:14-20>次/分，BP <n:105-128>/<n:65-82>mmHg。神志清楚，"
                        "{精神可|精神好}，{查体合作|对答切题}。心肺听诊未闻及{异常|明显异常}。专科检查：见现病史。", rng, slots))
    parts.append(expand("辅助检查：血常规、凝血功能、肝肾功能{未见明显异常|均在正常范围}，心电图{正常|窦性心律}，{胸片未见异常|胸部CT未见异常}。",
                        rng, slots))
    parts.append(expand("诊疗计划：完善术前检查，{排除手术禁忌|无明显手术禁忌}，择期行<proc>。术前{谈话|告知}手术{风险|相关风险}及"
                        "{可能出现的并发症|术后注意事项}，患者{及家属|本人}表示理解{并签字|，同意手术}。", rng, slots))
    parts.append(expand("术前讨论：{科室|主诊组}{讨论|评估}后认为{手术方案可行|可按计划手术}，{无明显手术禁忌|术前检查未见手术禁忌}。拟在{局麻|全麻|静脉麻醉}"
                        "下行<proc>，术中注意{保护重要结构|止血}，{术后可能出现出血、感染、瘢痕、两侧不对称等情况|可能的并发症包括出血、感染及"
                        "需再次手术}，已{向患者|向患者及家属}{交代|说明}，{签署知情同意书|同意手术并签字}。", rng, slots))
    parts.append(expand("术前小结：{患者|病人}<age>岁，因“{主诉见上|见主诉}”入院。{入院后完善相关检查|入院后完善术前检查}，"
                        "{血型{A|B|O|AB}型|血型已查}，{乙肝、丙肝、梅毒及HIV筛查均阴性|感染性疾病筛查阴性}。{手术指征明确|术前诊断明确}，"
                        "{术前准备已完成|术前准备完善}，{术区已备皮|术前已标记手术部位}，{术前半小时预防性使用抗生素|术前未使用抗生素}。"
                        "{拟定手术时间：入院后第<n:1-3>天|手术安排于明日}。{手术者：主诊医师|主刀：副主任医师}，{助手：住院医师|一助：主治医师}。",
                        rng, slots))
    parts.append(expand("护理记录：{入院宣教已完成|已行入院宣教}，{告知病区环境及作息|介绍主管医生及护士}，{测量生命体征平稳|生命体征正常}，"
                        "{跌倒风险评估低危|压疮风险评估低危}，{疼痛评分<n:0-2>分|无疼痛}。{术前一晚沐浴更衣|术前晚已清洁皮肤}，"
                        "{术前禁食水|术前按要求禁食}，{取下首饰及义齿|贵重物品交家属保管}，{心理护理，患者情绪稳定|患者情绪稳定，配合治疗}。",
                        rng, slots))
    parts.append(expand("麻醉记录：{麻醉前评估ASA {Ⅰ|Ⅱ}级|术前禁食禁饮{8|6}小时}，{入室后开放静脉通道|入室后连接心电监护}，"
                        "{生命体征平稳|术中血压、心率平稳}，{麻醉效果满意|麻醉顺利}。", rng, slots))
    ops = [expand(s, rng, slots) for s in _some(rng, steps, 3, 5, slots)]
    parts.append(expand("手术记录：{患者仰卧位|取仰卧位}，{常规消毒铺巾|碘伏消毒，铺无菌巾}，{手术安全核查无误|三方核查无误}，"
                        "{局部浸润麻醉|全麻成功后|静脉麻醉成功后}，", rng, slots) + "，".join(ops)
                 + expand("，{彻底止血|止血彻底}，{逐层缝合|分层缝合切口}，{无菌敷料包扎|加压包扎}。术中出血约<n:5-80>ml，"
                          "手术顺利，{术后安返病房|患者安返病房|术后送复苏室}。", rng, slots))
    parts.append(expand("术后第一天查房：患者{诉切口轻微疼痛|一般情况可|精神{好|可}}，{无发热|体温正常}，{切口敷料干燥|伤口无渗血}，"
                        "{继续观察|按时换药}，{明日可出院|拟近日出院}。", rng, slots))
    parts.append(expand("术后病程记录：{术后第二天|术后第<n:2-3>天}，患者{一般情况良好|生命体征平稳}，{饮食睡眠可|进食可}，"
                        "{切口无红肿、渗液|伤口干燥，无渗出}，{换药一次|予以换药}，{继续抗感染治疗|停用抗生素}，{嘱适当活动|嘱注意休息}。"
                        "{上级医师查房|主治医师查房}后{同意目前处理|指示继续观察}，{病情平稳|恢复顺利}。",
                        rng, slots))
    parts.append(expand("出院记录：{住院<n:2-5>天|术后<n:1-3>天出院}，出院诊断：<proc>术后。出院情况：{一般情况良好|精神可}，{切口愈合良好|切口干燥}，"
                        "{无红肿渗出|敷料清洁}。{出院带药：口服抗生素<n:3-5>天|无特殊带药}。", rng, slots))
    parts.append(expand("术后医嘱：{抬高患处|注意休息}，{术后<n:5-10>天拆线|按时换药}，{一周后门诊复查|术后<n:1-4>周门诊随访}，"
                        "{如有出血、发热及时就诊|不适随诊}。", rng, slots))
    return "\n".join(parts)
