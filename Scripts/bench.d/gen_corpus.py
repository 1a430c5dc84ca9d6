"""Writes a corpus of press-release-like documents (~2 KB each) in 8 languages for the extraction benchmark.

Usage: gen_corpus.py GAZETTEER.tsv OUT_DIR N [SEED]
The sentences are templates written for this benchmark (not taken from any corpus), filled with real gazetteer
place names, varied figures, dates, perpetrators and weapons. Formats: plain text with header lines (70%),
HTML (20%), Markdown (10%). Deterministic for a given seed.
"""

import html
import os
import random
import sys

import gazetteer_rows

LANGS = ["ar"] * 30 + ["en"] * 25 + ["fr"] * 10 + ["tr"] * 10 + ["de"] * 7 + ["es"] * 6 + ["it"] * 6 + ["pt"] * 6

MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(),
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split(),
    "ar": "كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول".split("|"),
}

# {place}, {gov}, {k} killed, {i} injured, {q} a quantifier phrase, {who} perpetrator, {arm} weapon, {day} weekday
INCIDENT = {
    "en": [
        "{who} {arm} hit the town of {place} in rural {gov} on {day}, killing {q}{k} civilians, including {c} "
        "children, and injuring {i} others, according to local rescue workers.",
        "At least {k} people were killed and {i} wounded when {arm} struck a market in {place}, {gov} province.",
        "Medical sources in {place} said {k} civilians died and more than {i} were injured after {who} shelled "
        "residential neighbourhoods on {day}.",
    ],
    "fr": [
        "Des frappes de {who} ont touché la ville de {place}, dans la province de {gov}, {day}, tuant {q}{k} civils "
        "dont {c} enfants, et blessant {i} autres personnes, selon les secouristes.",
        "Au moins {k} personnes ont été tuées et {i} blessées lors d'un bombardement sur le marché de {place} ({gov}).",
    ],
    "tr": [
        "{gov} kırsalındaki {place} kasabasına {day} düzenlenen saldırıda {k} sivil hayatını kaybetti, {i} kişi "
        "yaralandı; ölenler arasında {c} çocuk bulunuyor.",
        "Yerel kaynaklara göre {place} beldesinde {who} tarafından düzenlenen hava saldırısında en az {k} kişi "
        "öldü, {i} kişi yaralandı.",
    ],
    "de": [
        "Bei Luftangriffen auf die Stadt {place} in der Provinz {gov} wurden am {day} mindestens {k} Zivilisten "
        "getötet und {i} weitere verletzt, darunter {c} Kinder, wie Helfer berichteten.",
        "In {place} ({gov}) kamen nach Angaben örtlicher Ärzte {k} Menschen ums Leben, {i} wurden verwundet.",
    ],
    "es": [
        "Al menos {k} civiles murieron y {i} resultaron heridos el {day} en un bombardeo contra la localidad de "
        "{place}, en la provincia de {gov}, entre ellos {c} niños.",
        "Fuentes médicas de {place} ({gov}) informaron de {k} muertos y más de {i} heridos tras el ataque.",
    ],
    "it": [
        "Almeno {k} civili sono stati uccisi e {i} feriti {day} in un raid aereo sulla città di {place}, nella "
        "provincia di {gov}; tra le vittime {c} bambini.",
        "Fonti sanitarie a {place} ({gov}) hanno riferito di {k} morti e più di {i} feriti dopo i bombardamenti.",
    ],
    "pt": [
        "Pelo menos {k} civis morreram e {i} ficaram feridos {day} num bombardeio contra a cidade de {place}, na "
        "província de {gov}, entre eles {c} crianças.",
        "Fontes médicas em {place} ({gov}) relataram {k} mortos e mais de {i} feridos após o ataque.",
    ],
    "ar": [
        "قُتل {k} مدنيين بينهم {c} أطفال وأصيب {i} آخرون {day} جراء قصف {arm} استهدف بلدة {place} في ريف {gov}، "
        "بحسب مصادر محلية.",
        "أفادت مصادر طبية في مدينة {place} بمحافظة {gov} بمقتل ما لا يقل عن {k} أشخاص وإصابة أكثر من {i} "
        "بجروح إثر غارات جوية.",
    ],
}

FILLER = {
    "en": ["The organisation documented the attack through interviews with witnesses and medical staff, and "
           "reviewed photographs and video footage published on the day.",
           "Humanitarian agencies warned that continued hostilities were forcing families to flee towards "
           "overcrowded camps near the border, where shelter and clean water are scarce.",
           "The statement called on all parties to respect international humanitarian law and to spare schools, "
           "hospitals and markets."],
    "fr": ["L'organisation a documenté l'attaque grâce à des entretiens avec des témoins et du personnel médical.",
           "Les agences humanitaires ont averti que la poursuite des hostilités pousse des familles à fuir vers "
           "des camps surpeuplés près de la frontière.",
           "Le communiqué appelle toutes les parties à respecter le droit international humanitaire."],
    "tr": ["Kuruluş, saldırıyı tanıklar ve sağlık personeliyle yapılan görüşmelerle belgeledi.",
           "İnsani yardım kuruluşları, çatışmaların sürmesinin aileleri sınıra yakın kalabalık kamplara "
           "kaçmaya zorladığı konusunda uyardı.",
           "Açıklamada tüm taraflara uluslararası insancıl hukuka uyma çağrısı yapıldı."],
    "de": ["Die Organisation dokumentierte den Angriff durch Gespräche mit Zeugen und medizinischem Personal.",
           "Hilfsorganisationen warnten, dass die anhaltenden Kämpfe Familien in überfüllte Lager an der Grenze "
           "treiben.",
           "Die Erklärung rief alle Seiten auf, das humanitäre Völkerrecht zu achten."],
    "es": ["La organización documentó el ataque mediante entrevistas con testigos y personal médico.",
           "Las agencias humanitarias advirtieron que las hostilidades obligan a las familias a huir hacia "
           "campamentos abarrotados cerca de la frontera.",
           "El comunicado pidió a todas las partes respetar el derecho internacional humanitario."],
    "it": ["L'organizzazione ha documentato l'attacco attraverso interviste con testimoni e personale medico.",
           "Le agenzie umanitarie avvertono che le ostilità costringono le famiglie a fuggire verso campi "
           "sovraffollati vicino al confine.",
           "La dichiarazione invita tutte le parti a rispettare il diritto internazionale umanitario."],
    "pt": ["A organização documentou o ataque por meio de entrevistas com testemunhas e equipes médicas.",
           "As agências humanitárias alertaram que as hostilidades forçam as famílias a fugir para campos "
           "superlotados perto da fronteira.",
           "O comunicado pediu a todas as partes que respeitem o direito internacional humanitário."],
    "ar": ["وثّقت المنظمة الهجوم من خلال مقابلات مع شهود عيان وكوادر طبية، وراجعت صوراً ومقاطع مصورة نُشرت في "
           "اليوم ذاته.",
           "وحذّرت وكالات إنسانية من أن استمرار الأعمال القتالية يدفع العائلات إلى النزوح نحو مخيمات مكتظة قرب "
           "الحدود.",
           "ودعا البيان جميع الأطراف إلى احترام القانون الدولي الإنساني وتجنيب المدارس والمشافي والأسواق."],
}

for _lang, _sentences in {
"en": [
"\"We heard the aircraft and then the explosions; the street was full of smoke,\" a resident told our team by phone.",
"Since the start of the year, the network has recorded {n} attacks on medical facilities across the country.",
"Civil defence teams worked through the night to pull survivors from the rubble of two collapsed buildings."
],
"fr": [
"« Nous avons entendu les avions puis les explosions », a raconté un habitant joint par téléphone.",
"Depuis le début de l'année, le réseau a recensé {n} attaques contre des installations médicales.",
"Les équipes de la défense civile ont travaillé toute la nuit pour dégager les survivants des décombres."
],
"tr": [
"Bir bölge sakini telefonla yaptığı açıklamada uçak seslerinin ardından patlamaları duyduklarını söyledi.",
"Yıl başından bu yana sağlık tesislerine yönelik {n} saldırı kayda geçirildi.",
"Sivil savunma ekipleri enkaz altındaki kişileri çıkarmak için gece boyunca çalıştı."
],
"de": [
"„Wir hörten die Flugzeuge und dann die Explosionen“, sagte ein Anwohner am Telefon.",
"Seit Jahresbeginn wurden landesweit {n} Angriffe auf medizinische Einrichtungen registriert.",
"Zivilschutzteams arbeiteten die ganze Nacht, um Überlebende aus den Trümmern zu bergen."
],
"es": [
"«Oímos los aviones y después las explosiones», contó un vecino por teléfono.",
"Desde comienzos de año se han registrado {n} ataques contra instalaciones médicas en el país.",
"Los equipos de defensa civil trabajaron toda la noche para rescatar a los supervivientes."
],
"it": [
"«Abbiamo sentito gli aerei e poi le esplosioni», ha raccontato un residente al telefono.",
"Dall'inizio dell'anno sono stati registrati {n} attacchi contro strutture sanitarie nel paese.",
"Le squadre della protezione civile hanno lavorato tutta la notte per estrarre i sopravvissuti."
],
"pt": [
"“Ouvimos os aviões e depois as explosões”, contou um morador por telefone.",
"Desde o início do ano foram registados {n} ataques contra instalações médicas no país.",
"As equipes da defesa civil trabalharam durante a noite para resgatar os sobreviventes."
],
"ar": [
"وقال أحد السكان عبر الهاتف: سمعنا صوت الطائرات ثم الانفجارات، وامتلأ الشارع بالدخان.",
"ومنذ بداية العام سجّلت الشبكة {n} هجوماً على منشآت طبية في أنحاء البلاد.",
"وعملت فرق الدفاع المدني طوال الليل على انتشال الناجين من تحت أنقاض مبنيين منهارين."
]
}.items():
    FILLER[_lang].extend(_sentences)

WHO = {"en": ["Government", "Russian", "coalition"], "fr": ["l'aviation russe", "les forces gouvernementales"],
       "tr": ["rejim güçleri", "Rus uçakları"], "ar": ["قوات النظام", "الطيران الروسي"],
       "de": [], "es": [], "it": [], "pt": []}
ARMS = {"en": ["airstrikes", "barrel bombs", "artillery shells", "rockets"], "ar": ["مدفعي", "صاروخي", "جوي"]}
DAYS = {"en": ["Tuesday", "Friday", "Sunday"], "fr": ["mardi", "vendredi"], "tr": ["salı günü", "cuma günü"],
        "de": ["Dienstag", "Freitag"], "es": ["martes", "viernes"], "it": ["martedì", "venerdì"],
        "pt": ["na terça-feira", "na sexta-feira"], "ar": ["يوم الثلاثاء", "يوم الجمعة", "أمس"]}
QUANT = {"en": ["", "at least ", "more than ", "nearly "]}


def dateline(lang, rng, y, m, d):
    if lang == "en":
        return rng.choice([f"{MONTHS['en'][m - 1]} {d}, {y}", f"{d} {MONTHS['en'][m - 1]} {y}"])
    if lang == "ar":
        return f"{d} {MONTHS['ar'][m - 1]} {y}"
    if rng.random() < 0.3:
        return f"{d:02d}/{m:02d}/{y}"
    return f"{d} {MONTHS[lang][m - 1]} {y}"


def to_arabic_digits(s):
    return s.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


def document(lang, rng, places):
    y, m, d = rng.randrange(2012, 2025), rng.randrange(1, 13), rng.randrange(1, 29)
    paragraphs = []
    for _ in range(rng.choice([1, 1, 2, 3])):
        place = rng.choice(places)
        fill = {
            # OCHA's disambiguator in parentheses ("Duma (Duma)") is not how the press writes a name.
            "place": (place["name_ar"] if lang == "ar" else place["name_en"]).split(" (")[0],
            "gov": place["admin1_ar"] if lang == "ar" else place["admin1_en"],
            "k": str(rng.choice([rng.randrange(1, 12), rng.randrange(2, 60), rng.randrange(10, 200)])),
            "i": str(rng.randrange(0, 90)), "c": str(rng.randrange(1, 9)),
            "q": rng.choice(QUANT.get(lang, [""])),
            "who": rng.choice(WHO.get(lang) or ["?"]), "arm": rng.choice(ARMS.get(lang, ["?"])),
            "day": rng.choice(DAYS[lang]),
        }
        if lang == "ar" and rng.random() < 0.3:
            fill["k"], fill["i"] = to_arabic_digits(fill["k"]), to_arabic_digits(fill["i"])
        paragraphs.append(rng.choice(INCIDENT[lang]).format(**fill))
    fillers = FILLER[lang]
    while len("\n\n".join(paragraphs).encode()) < rng.randrange(1800, 2200):
        filler = rng.choice(fillers).replace("{n}", str(rng.randrange(12, 400)))
        paragraphs.insert(rng.randrange(1, len(paragraphs) + 1), filler)
    return f"{dateline(lang, rng, y, m, d)}", f"{y}-{m:02d}-{d:02d}", paragraphs


def main():
    gazetteer, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 777
    rng = random.Random(seed)
    _, rows = gazetteer_rows.read(gazetteer)
    places = [r for r in rows if r["kind"] == "community" and r["name_en"] and r["name_ar"] and r["admin1_ar"]]
    os.makedirs(out, exist_ok=True)
    total = 0
    for i in range(n):
        lang = rng.choice(LANGS)
        line, iso, paragraphs = document(lang, rng, places)
        kind = rng.random()
        if kind < 0.7:
            name = f"doc-{i:05d}-{lang}.txt"
            text = f"LANG: {lang}\nSOURCE: bench\n\n{line}\n\n" + "\n\n".join(paragraphs) + "\n"
        elif kind < 0.9:
            name = f"doc-{i:05d}-{lang}.html"
            body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
            text = (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
                    f'<meta name="date" content="{iso}"><title>{html.escape(line)}</title>'
                    f"<style>p{{margin:0}}</style></head>\n<body><nav><a href=\"/\">Home</a></nav>\n"
                    f"<article><p class=\"dateline\">{html.escape(line)}</p>\n{body}</article></body></html>\n")
        else:
            name = f"doc-{i:05d}-{lang}.md"
            text = f"# {line}\n\n" + "\n\n".join(paragraphs) + "\n"
        data = text.encode("utf-8")
        total += len(data)
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    print(f"{out}: {n} documents, {total} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
