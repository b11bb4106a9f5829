/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-demo"

#include "config.h"

#include "sm-demo-private.h"

/* The tables the demo generator (sm-demo.c) draws from. Entries are
 * picked by their position, so the order of every table is part of the
 * demo: reordering, adding or removing an entry changes what each seed
 * gives. */

#define DEMO_LIST(a) { a, G_N_ELEMENTS (a) }
#define DEMO_NAMES(g, f, w) { g, G_N_ELEMENTS (g), f, G_N_ELEMENTS (f), w }

/* Programmes */

/* The crebo codes are fictional but shaped like real ones (five digits in
 * the 25xxx range of the current qualification structure); they need not
 * match the SBB register. */
const DemoProgramme sm_demo_programmes[] = {
  /* vmbo profielen */
  { "zorg-en-welzijn", "Zorg en welzijn", SM_EDUCATION_VMBO, SM_SECTOR_CARE, 0, 6, NULL },
  { "economie-en-ondernemen", "Economie en ondernemen", SM_EDUCATION_VMBO, SM_SECTOR_COMMERCE, 0, 6, NULL },
  { "bouwen-wonen-en-interieur", "Bouwen, wonen en interieur", SM_EDUCATION_VMBO, SM_SECTOR_CONSTRUCTION, 0, 3, NULL },
  { "produceren-installeren-en-energie", "Produceren, installeren en energie", SM_EDUCATION_VMBO, SM_SECTOR_TECHNOLOGY, 0, 3, NULL },
  { "mobiliteit-en-transport", "Mobiliteit en transport", SM_EDUCATION_VMBO, SM_SECTOR_LOGISTICS, 0, 2, NULL },
  { "media-vormgeving-en-ict", "Media, vormgeving en ICT", SM_EDUCATION_VMBO, SM_SECTOR_ICT, 0, 4, NULL },
  { "horeca-bakkerij-en-recreatie", "Horeca, bakkerij en recreatie", SM_EDUCATION_VMBO, SM_SECTOR_HOSPITALITY, 0, 3, NULL },
  { "groen", "Groen", SM_EDUCATION_VMBO, SM_SECTOR_GREEN, 0, 2, NULL },
  { "dienstverlening-en-producten", "Dienstverlening en producten", SM_EDUCATION_VMBO, SM_SECTOR_COMMERCE, 0, 4, NULL },
  { "maritiem-en-techniek", "Maritiem en techniek", SM_EDUCATION_VMBO, SM_SECTOR_TECHNOLOGY, 0, 1, NULL },

  /* mbo niveau 1: Entree */
  { "25251", "Assistent dienstverlening en zorg (Entree)", SM_EDUCATION_MBO, SM_SECTOR_CARE, 1, 3, "ENT" },
  { "25252", "Assistent logistiek (Entree)", SM_EDUCATION_MBO, SM_SECTOR_LOGISTICS, 1, 3, "ENT" },
  { "25253", "Assistent verkoop/retail (Entree)", SM_EDUCATION_MBO, SM_SECTOR_COMMERCE, 1, 3, "ENT" },
  { "25254", "Assistent horeca, voeding of voedingsindustrie (Entree)", SM_EDUCATION_MBO, SM_SECTOR_HOSPITALITY, 1, 2, "ENT" },
  { "25255", "Assistent bouwen, wonen en onderhoud (Entree)", SM_EDUCATION_MBO, SM_SECTOR_CONSTRUCTION, 1, 2, "ENT" },
  /* mbo niveau 2 */
  { "25649", "Helpende zorg en welzijn", SM_EDUCATION_MBO, SM_SECTOR_CARE, 2, 4, "HZW" },
  { "25388", "Verkoopmedewerker", SM_EDUCATION_MBO, SM_SECTOR_COMMERCE, 2, 4, "VKM" },
  { "25398", "Logistiek medewerker", SM_EDUCATION_MBO, SM_SECTOR_LOGISTICS, 2, 4, "LOG" },
  { "25180", "Kok", SM_EDUCATION_MBO, SM_SECTOR_HOSPITALITY, 2, 3, "KOK" },
  { "25410", "Kapper", SM_EDUCATION_MBO, SM_SECTOR_BEAUTY, 2, 3, "KAP" },
  { "25479", "Beveiliger", SM_EDUCATION_MBO, SM_SECTOR_SECURITY, 2, 2, "BEV" },
  { "25260", "Monteur elektrotechnische installaties", SM_EDUCATION_MBO, SM_SECTOR_TECHNOLOGY, 2, 3, "ELT" },
  { "25120", "Timmerman", SM_EDUCATION_MBO, SM_SECTOR_CONSTRUCTION, 2, 2, "BOUW" },
  { "25428", "Medewerker groene ruimte", SM_EDUCATION_MBO, SM_SECTOR_GREEN, 2, 2, "GR" },
  { "25460", "Chauffeur goederenvervoer", SM_EDUCATION_MBO, SM_SECTOR_LOGISTICS, 2, 2, "CGV" },
  { "25224", "Autotechnicus", SM_EDUCATION_MBO, SM_SECTOR_TECHNOLOGY, 2, 3, "AUT" },
  /* mbo niveau 3 */
  { "25655", "Verzorgende IG", SM_EDUCATION_MBO, SM_SECTOR_CARE, 3, 6, "VIG" },
  { "25698", "Pedagogisch medewerker kinderopvang", SM_EDUCATION_MBO, SM_SECTOR_EDUCATION, 3, 4, "PMK" },
  { "25606", "Medewerker ICT support", SM_EDUCATION_MBO, SM_SECTOR_ICT, 3, 4, "ICT" },
  { "25480", "Allround medewerker beveiliging", SM_EDUCATION_MBO, SM_SECTOR_SECURITY, 3, 2, "BEV" },
  { "25261", "Eerste monteur elektrotechnische installaties", SM_EDUCATION_MBO, SM_SECTOR_TECHNOLOGY, 3, 3, "ELT" },
  { "25181", "Zelfstandig werkend kok", SM_EDUCATION_MBO, SM_SECTOR_HOSPITALITY, 3, 2, "KOK" },
  { "25411", "Allround kapper", SM_EDUCATION_MBO, SM_SECTOR_BEAUTY, 3, 2, "KAP" },
  { "25414", "Schoonheidsspecialist", SM_EDUCATION_MBO, SM_SECTOR_BEAUTY, 3, 2, "SHS" },
  { "25389", "Eerste verkoopmedewerker", SM_EDUCATION_MBO, SM_SECTOR_COMMERCE, 3, 3, "VKM" },
  { "25138", "Financieel administratief medewerker", SM_EDUCATION_MBO, SM_SECTOR_COMMERCE, 3, 3, "FAM" },
  { "25399", "Allround logistiek medewerker", SM_EDUCATION_MBO, SM_SECTOR_LOGISTICS, 3, 3, "LOG" },
  { "25121", "Allround timmerman", SM_EDUCATION_MBO, SM_SECTOR_CONSTRUCTION, 3, 2, "BOUW" },
  { "25429", "Vakbekwaam hovenier", SM_EDUCATION_MBO, SM_SECTOR_GREEN, 3, 2, "GR" },
  /* mbo niveau 4 */
  { "25656", "Mbo-Verpleegkundige", SM_EDUCATION_MBO, SM_SECTOR_CARE, 4, 6, "VPK" },
  { "25407", "Doktersassistent", SM_EDUCATION_MBO, SM_SECTOR_CARE, 4, 3, "DA" },
  { "25475", "Sociaal werker", SM_EDUCATION_MBO, SM_SECTOR_CARE, 4, 4, "SW" },
  { "25485", "Onderwijsassistent", SM_EDUCATION_MBO, SM_SECTOR_EDUCATION, 4, 3, "OA" },
  { "25604", "Software developer", SM_EDUCATION_MBO, SM_SECTOR_ICT, 4, 4, "SD" },
  { "25605", "Expert IT systems and devices", SM_EDUCATION_MBO, SM_SECTOR_ICT, 4, 2, "ITS" },
  { "25390", "Manager retail", SM_EDUCATION_MBO, SM_SECTOR_COMMERCE, 4, 3, "RET" },
  { "25170", "Manager/ondernemer horeca", SM_EDUCATION_MBO, SM_SECTOR_HOSPITALITY, 4, 2, "HOR" },
  { "25590", "Mediavormgever", SM_EDUCATION_MBO, SM_SECTOR_CREATIVE, 4, 3, "MV" },
  { "25262", "Technicus engineering", SM_EDUCATION_MBO, SM_SECTOR_TECHNOLOGY, 4, 2, "TE" },
  { "25140", "Middenkaderfunctionaris bouw", SM_EDUCATION_MBO, SM_SECTOR_CONSTRUCTION, 4, 2, "MKB" },
  { "25463", "Logistiek supervisor", SM_EDUCATION_MBO, SM_SECTOR_LOGISTICS, 4, 2, "LSV" },

  /* hbo: Associate degrees (level 0) and bachelors (level 1) */
  { "ad-ondernemen", "Associate degree Ondernemen", SM_EDUCATION_HBO, SM_SECTOR_COMMERCE, 0, 3, "ADO" },
  { "ad-pedagogisch-educatief-professional", "Associate degree Pedagogisch educatief professional", SM_EDUCATION_HBO, SM_SECTOR_EDUCATION, 0, 2, "PEP" },
  { "ad-ict-service-management", "Associate degree ICT Service Management", SM_EDUCATION_HBO, SM_SECTOR_ICT, 0, 2, "ISM" },
  { "ad-integrale-veiligheid", "Associate degree Integrale veiligheid", SM_EDUCATION_HBO, SM_SECTOR_SECURITY, 0, 1, "IV" },
  { "hbo-verpleegkunde", "Hbo-Verpleegkunde", SM_EDUCATION_HBO, SM_SECTOR_CARE, 1, 5, "VPK" },
  { "hbo-ict", "HBO-ICT", SM_EDUCATION_HBO, SM_SECTOR_ICT, 1, 5, "ICT" },
  { "hbo-pabo", "Leraar basisonderwijs (pabo)", SM_EDUCATION_HBO, SM_SECTOR_EDUCATION, 1, 4, "PABO" },
  { "hbo-bedrijfskunde", "Bedrijfskunde", SM_EDUCATION_HBO, SM_SECTOR_COMMERCE, 1, 4, "BK" },
  { "hbo-social-work", "Social Work", SM_EDUCATION_HBO, SM_SECTOR_CARE, 1, 4, "SW" },
  { "hbo-werktuigbouwkunde", "Werktuigbouwkunde", SM_EDUCATION_HBO, SM_SECTOR_TECHNOLOGY, 1, 2, "WTB" },
  { "hbo-bouwkunde", "Bouwkunde", SM_EDUCATION_HBO, SM_SECTOR_CONSTRUCTION, 1, 2, "BWK" },
  { "hbo-logistiek", "Logistics Management", SM_EDUCATION_HBO, SM_SECTOR_LOGISTICS, 1, 2, "LM" },
  { "hbo-communicatie", "Communicatie", SM_EDUCATION_HBO, SM_SECTOR_CREATIVE, 1, 3, "COM" },
  { "hbo-hotelmanagement", "Hotel management", SM_EDUCATION_HBO, SM_SECTOR_HOSPITALITY, 1, 2, "HM" },
};

const guint sm_demo_n_programmes = G_N_ELEMENTS (sm_demo_programmes);

/* Region: towns with their PC4 ranges. Centres are approximate and the
 * areas of a town are spread evenly around its centre, so distances are
 * right to within a few kilometres: enough for a demo, not for real use. */
const DemoTown sm_demo_towns[] = {
  { "Den Haag", 2491, 2599, 52.070, 4.300, 5.5, "070" },
  { "Delft", 2611, 2629, 52.006, 4.359, 2.8, "015" },
  { "Nootdorp", 2631, 2632, 52.045, 4.395, 1.0, "015" },
  { "Pijnacker", 2641, 2645, 52.019, 4.430, 1.8, "015" },
  { "Berkel en Rodenrijs", 2651, 2652, 51.993, 4.476, 1.3, "010" },
  { "Bergschenhoek", 2661, 2662, 51.990, 4.500, 1.0, "010" },
  { "Bleiswijk", 2665, 2666, 52.011, 4.531, 1.0, "010" },
  { "Naaldwijk", 2671, 2671, 51.994, 4.209, 1.2, "0174" },
  { "Honselersdijk", 2675, 2675, 52.006, 4.230, 0.8, "0174" },
  { "De Lier", 2678, 2678, 51.973, 4.249, 0.8, "0174" },
  { "Monster", 2681, 2681, 52.025, 4.175, 0.8, "0174" },
  { "'s-Gravenzande", 2691, 2694, 52.002, 4.165, 1.3, "0174" },
  { "Zoetermeer", 2711, 2729, 52.060, 4.494, 3.2, "079" },
  { "Waddinxveen", 2741, 2743, 52.045, 4.652, 1.5, "0182" },
  { "Boskoop", 2771, 2772, 52.075, 4.655, 1.2, "0172" },
  { "Gouda", 2801, 2809, 52.012, 4.711, 2.2, "0182" },
  { "Moordrecht", 2841, 2841, 51.985, 4.669, 0.7, "0182" },
  { "Capelle aan den IJssel", 2900, 2909, 51.929, 4.578, 2.2, "010" },
  { "Nieuwerkerk aan den IJssel", 2911, 2914, 51.967, 4.617, 1.3, "0180" },
  { "Krimpen aan den IJssel", 2921, 2926, 51.916, 4.600, 1.3, "0180" },
  { "Lekkerkerk", 2941, 2941, 51.899, 4.683, 0.8, "0180" },
  { "Alblasserdam", 2951, 2954, 51.865, 4.660, 1.3, "078" },
  { "Ridderkerk", 2981, 2988, 51.872, 4.602, 1.8, "0180" },
  { "Barendrecht", 2991, 2994, 51.856, 4.535, 1.8, "0180" },
  { "Rotterdam", 3011, 3089, 51.922, 4.479, 6.0, "010" },
  { "Schiedam", 3111, 3125, 51.919, 4.399, 2.0, "010" },
  { "Vlaardingen", 3131, 3138, 51.912, 4.342, 2.0, "010" },
  { "Maassluis", 3141, 3147, 51.923, 4.250, 1.6, "010" },
  { "Rhoon", 3161, 3162, 51.857, 4.422, 0.9, "010" },
  { "Poortugaal", 3171, 3172, 51.860, 4.395, 0.9, "010" },
  { "Rozenburg", 3181, 3182, 51.905, 4.250, 1.0, "0181" },
  { "Hoogvliet Rotterdam", 3191, 3194, 51.862, 4.355, 1.3, "010" },
  { "Pernis Rotterdam", 3195, 3197, 51.888, 4.390, 0.7, "010" },
};
const guint sm_demo_n_towns = G_N_ELEMENTS (sm_demo_towns);

static const char * const demo_streets[] = {
  "Kerkstraat", "Dorpsstraat", "Molenweg", "Stationsweg", "Schoolstraat", "Julianastraat",
  "Wilhelminastraat", "Beatrixlaan", "Oranjestraat", "Nieuwstraat", "Marktstraat", "Havenstraat",
  "Lindenlaan", "Eikenlaan", "Beukenlaan", "Kastanjelaan", "Parkweg", "Tulpstraat", "Rozenstraat",
  "Merelstraat", "Spoorstraat", "Hoofdstraat", "Kanaalweg", "Prinses Margrietlaan", "Mathenesserlaan",
  "Goudsesingel", "Noordsingel", "West-Kruiskade", "Beijerlandselaan", "Laan van Meerdervoort",
  "Hoefkade", "Loosduinseweg", "Vaillantlaan", "Dordtsestraatweg", "Groene Hilledijk", "Jan Steenstraat",
  "Rembrandtlaan", "Vondelstraat", "Koningin Emmalaan", "Meidoornstraat", "Zonnebloemstraat",
  "Vlietweg", "Singel", "Burgemeester de Raadtsingel", "Troelstralaan", "Ambachtsweg",
};
const DemoList sm_demo_streets = DEMO_LIST (demo_streets);

static const char * const demo_business_streets[] = {
  "Industrieweg", "Edisonweg", "Marconistraat", "Nijverheidsstraat", "Transportweg", "Havenweg",
  "Pascalweg", "Einsteinstraat", "Waalhavenweg", "Ambachtsweg", "Handelsweg", "Energieweg",
  "Zuidplein", "Binnenweg", "Spui", "Coolsingel", "Zuidhoornseweg", "Laan van Waalhaven",
};
const DemoList sm_demo_business_streets = DEMO_LIST (demo_business_streets);

/* Names. The lists reflect the many origins in Dutch classrooms, so that
 * the demo looks like a real class and the fairness features have
 * something to protect. No record says which list a name came from: the
 * program holds no origin, and neither does its demo. A family name's
 * leading lower-case words are its prefix (tussenvoegsel). */

static const char * const dutch_given[] = {
  "Daan", "Sem", "Lucas", "Levi", "Finn", "Milan", "Jesse", "Thijs", "Bram", "Luuk", "Noah", "Julian",
  "Ruben", "Tim", "Stijn", "Gijs", "Lars", "Thomas", "Jayden", "Kevin", "Emma", "Julia", "Sophie",
  "Tess", "Zoë", "Lotte", "Sanne", "Fleur", "Iris", "Anouk", "Noor", "Eva", "Lisa", "Femke", "Evi",
  "Roos", "Isa", "Saar", "Jasmijn", "Nina", "Britt", "Maud", "Demi", "Romy",
};
static const char * const dutch_family[] = {
  "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit",
  "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen",
  "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden",
  "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek",
  "de Bruijn", "van Beek", "Schouten", "van 't Hof", "Verhoeven", "Kuipers", "Hoekstra", "Zwart",
  "van der Wal", "Boer", "Koster", "Prins",
};
static const char * const moroccan_given[] = {
  "Mohamed", "Yassin", "Bilal", "Ayoub", "Anass", "Ilias", "Hamza", "Soufiane", "Adam", "Rayan",
  "Zakaria", "Imane", "Fatima", "Yasmina", "Salma", "Nora", "Khadija", "Meryem", "Aya", "Hafsa",
  "Sara", "Chaima", "Ikram", "Dounia",
};
static const char * const moroccan_family[] = {
  "el Amrani", "el Idrissi", "Bouzid", "Benali", "el Khattabi", "Azzouzi", "Ouahabi", "Boukhari",
  "el Hamdaoui", "Tahiri", "Ziani", "Belhaj", "Haddouchi", "Aarab", "el Bakkali", "Bouchtaoui",
};
static const char * const turkish_given[] = {
  "Emre", "Mehmet", "Yusuf", "Burak", "Can", "Efe", "Kerem", "Mert", "Arda", "Baran", "Elif",
  "Zeynep", "Büşra", "Esra", "Merve", "Ayşe", "Şeyma", "Defne", "Ecrin", "Hatice", "Çağla", "İrem",
};
static const char * const turkish_family[] = {
  "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan", "Doğan",
  "Kılıç", "Aslan", "Koç", "Kurt", "Özdemir", "Polat",
};
static const char * const surinamese_given[] = {
  "Rajesh", "Shivani", "Priya", "Anjali", "Sunil", "Vishal", "Naomi", "Shanice", "Dwayne", "Jamal",
  "Gianni", "Quincy", "Romano", "Chanel", "Tamara", "Sharon", "Natasha", "Ryan", "Jermaine", "Sarina",
};
static const char * const surinamese_family[] = {
  "Ramdin", "Jagesar", "Sewnath", "Biharie", "Kalloe", "Mahabier", "Ramsaran", "Lachman", "Sedney",
  "Pinas", "Vlijter", "Doelwijt", "Sabajo", "Kartosen", "Soekarman", "Wongsodikromo",
};
static const char * const antillean_given[] = {
  "Jurensley", "Jaydon", "Shurandy", "Giovanni", "Jefferson", "Rignaldo", "Gilliano", "Angelica",
  "Shakira", "Joëlla", "Kimberly", "Nathalia", "Roshaira", "Ruthsel", "Jeanine", "Xiomara",
};
static const char * const antillean_family[] = {
  "Martina", "Janga", "Isenia", "Rosalia", "Statia", "Maduro", "Croes", "Wernet", "Tromp", "Daal",
  "Girigorie", "Juliana", "Pieternella", "Koeiman", "Trinidad", "Sint Jago",
};
static const char * const polish_given[] = {
  "Jakub", "Kacper", "Szymon", "Mateusz", "Łukasz", "Bartosz", "Piotr", "Wiktor", "Zuzanna",
  "Maja", "Zofia", "Natalia", "Małgorzata", "Aleksandra", "Oliwia", "Wiktoria",
};
static const char * const polish_family[] = {
  "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński",
  "Woźniak", "Mazur", "Krawczyk", "Kaczmarek", "Zając", "Dąbrowski",
};
static const char * const syrian_given[] = {
  "Ahmad", "Omar", "Khaled", "Mahmoud", "Hussein", "Yazan", "Abdullah", "Majd", "Rama", "Lana",
  "Sham", "Nour", "Hala", "Raghad", "Dima", "Reem", "Batoul",
};
static const char * const syrian_family[] = {
  "Al-Hassan", "Al-Ahmad", "Haddad", "Khalil", "Hamdan", "Mansour", "Shaheen", "Darwish",
  "Al-Khatib", "Kassab", "Najjar", "Sabbagh", "Al-Masri", "Hijazi",
};
static const char * const eritrean_given[] = {
  "Yonas", "Daniel", "Filmon", "Robel", "Samuel", "Merhawi", "Tesfay", "Habtom", "Senait", "Helen",
  "Selam", "Luwam", "Mebrat", "Saba", "Rahel", "Yordanos",
};
static const char * const eritrean_family[] = {
  "Tesfamariam", "Ghebremedhin", "Haile", "Berhane", "Kidane", "Tekle", "Woldu", "Gebreyesus",
  "Mehari", "Habte", "Asmerom", "Yohannes",
};
static const char * const ukrainian_given[] = {
  "Oleksandr", "Andrii", "Dmytro", "Maksym", "Bohdan", "Artem", "Taras", "Sofiia", "Anastasiia",
  "Yuliia", "Daryna", "Viktoriia", "Kateryna", "Olena", "Mariia",
};
static const char * const ukrainian_family[] = {
  "Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravchenko", "Oliinyk", "Lysenko",
  "Moroz", "Petrenko", "Savchenko", "Rudenko",
};
static const char * const chinese_given[] = {
  "Wei", "Jun", "Hao", "Yang", "Jason", "Kevin", "Xin", "Mei", "Ying", "Lin", "Jia", "Ming", "Vivian",
  "Linda",
};
static const char * const chinese_family[] = {
  "Chen", "Wang", "Li", "Zhang", "Liu", "Lin", "Huang", "Wu", "Cheung", "Chan", "Lam", "Wong", "Zhou",
};
static const char * const capeverdean_given[] = {
  "Edson", "Nelson", "Ailton", "Ivanildo", "Carlos", "Jandir", "Djamila", "Ariana", "Jéssica",
  "Nádia", "Sandra", "Elsa", "Mirella",
};
static const char * const capeverdean_family[] = {
  "Tavares", "Lopes", "Semedo", "Monteiro", "Fortes", "Gomes", "Rodrigues", "dos Santos", "da Graça",
  "Andrade", "Fernandes", "Cabral",
};
static const char * const afghan_given[] = {
  "Mohammad", "Farid", "Jawad", "Mustafa", "Sajad", "Parwiz", "Hamid", "Mariam", "Zahra", "Sahar",
  "Mahsa", "Nilofar", "Shabnam", "Zarmina", "Frishta",
};
static const char * const afghan_family[] = {
  "Ahmadi", "Hakimi", "Rahimi", "Karimi", "Noori", "Sultani", "Haidari", "Popal", "Safi",
  "Stanikzai", "Wardak", "Amiri",
};
static const char * const somali_given[] = {
  "Abdi", "Abdirahman", "Hassan", "Ayaan", "Liban", "Mahad", "Hodan", "Ifrah", "Fadumo", "Hibo",
  "Sagal", "Amina", "Ladan", "Idil",
};
static const char * const somali_family[] = {
  "Ali", "Hassan", "Abdi", "Osman", "Farah", "Warsame", "Jama", "Ahmed", "Hersi", "Egal", "Nur",
  "Abdullahi",
};
static const char * const indonesian_given[] = {
  "Dewi", "Putri", "Ayu", "Rizky", "Bayu", "Dimas", "Wulan", "Indah", "Jeffrey", "Marcel", "Melati",
  "Rudy", "Yvonne", "Josephine",
};
static const char * const indonesian_family[] = {
  "Latumahina", "Pattinama", "Tuhumury", "Soplantila", "Lewerissa", "Wattimena", "Sahetapy",
  "Pattiasina", "Hehanussa", "Manuhutu", "Siregar", "Santoso", "Wibowo",
};
static const char * const ghanaian_given[] = {
  "Kwame", "Kofi", "Yaw", "Kwabena", "Nana", "Ama", "Akosua", "Abena", "Esi", "Efua",
};
static const char * const ghanaian_family[] = {
  "Mensah", "Boateng", "Owusu", "Asante", "Osei", "Agyeman", "Acheampong", "Appiah",
};

const DemoNames sm_demo_names[] = {
  DEMO_NAMES (dutch_given, dutch_family, 40),
  DEMO_NAMES (moroccan_given, moroccan_family, 10),
  DEMO_NAMES (turkish_given, turkish_family, 9),
  DEMO_NAMES (surinamese_given, surinamese_family, 8),
  DEMO_NAMES (antillean_given, antillean_family, 4),
  DEMO_NAMES (polish_given, polish_family, 4),
  DEMO_NAMES (syrian_given, syrian_family, 3),
  DEMO_NAMES (eritrean_given, eritrean_family, 2),
  DEMO_NAMES (ukrainian_given, ukrainian_family, 2),
  DEMO_NAMES (chinese_given, chinese_family, 2),
  DEMO_NAMES (capeverdean_given, capeverdean_family, 2),
  DEMO_NAMES (afghan_given, afghan_family, 2),
  DEMO_NAMES (somali_given, somali_family, 2),
  DEMO_NAMES (indonesian_given, indonesian_family, 3),
  DEMO_NAMES (ghanaian_given, ghanaian_family, 2),
};
const guint sm_demo_n_names = G_N_ELEMENTS (sm_demo_names);

static const char * const demo_teachers[] = {
  "Marieke Jansen", "Karim Bouzid", "Ingrid Smit", "Peter van der Laan", "Sevda Kaya",
  "Jeroen de Wit", "Anita Ramdin", "Hans Verbeek", "Loubna el Ouali", "Monique Visser",
  "Erik Hoekstra", "Patricia Martina", "Ruud van Vliet", "Esther Mulder", "Mustafa Demir",
  "Linda Koster", "Tom Bakker", "Sandra Pinas", "Wouter de Graaf", "Joyce Tavares",
  "Mark Dijkstra", "Nadia Amrani", "Bas van den Berg", "Kim Wong", "Gerard Prins",
  "Hülya Aydın", "Rob Schouten", "Saskia Vermeulen", "Dennis Latumahina", "Yvonne de Haan",
};
const DemoList sm_demo_teachers = DEMO_LIST (demo_teachers);

/* Sector vocabulary, indexed by SmSector */

static const char * const care_skills[] = {
  "ADL-ondersteuning", "medicatie aanreiken", "rapporteren", "bloeddruk meten", "wondverzorging",
  "hygiënisch werken", "omgaan met dementie", "tillen met hulpmiddelen", "gesprekstechnieken", "signaleren",
};
static const char * const technology_skills[] = {
  "solderen", "schema's lezen", "meten en testen", "lassen", "draaien en frezen", "PLC-programmeren",
  "storingen zoeken", "installeren", "technisch tekenen", "veilig werken",
};
static const char * const construction_skills[] = {
  "maatvoeren", "timmeren", "metselen", "bouwtekening lezen", "schilderen", "tegelzetten",
  "hout bewerken", "isoleren", "veilig werken",
};
static const char * const ict_skills[] = {
  "Python", "JavaScript", "HTML en CSS", "SQL", "Linux", "Windows-beheer", "netwerken",
  "hardware repareren", "helpdesk", "Git", "C#", "Java",
};
static const char * const commerce_skills[] = {
  "kassa", "klantcontact", "presenteren", "voorraadbeheer", "Excel", "boekhouden", "verkoopgesprek",
  "social media", "etaleren", "administratie",
};
static const char * const hospitality_skills[] = {
  "koken", "snijtechnieken", "HACCP", "bediening", "barista", "gastvrijheid", "bakken",
  "menu's plannen", "allergenen", "receptie",
};
static const char * const green_skills[] = {
  "snoeien", "planten verzorgen", "grasmaaien", "dierverzorging", "bestraten", "machines bedienen",
  "plantenkennis", "kassenteelt", "bodemkennis",
};
static const char * const logistics_skills[] = {
  "orderpicken", "heftruck rijden", "scanner gebruiken", "laden en lossen", "voorraadbeheer",
  "routeplanning", "WMS-systemen", "inpakken", "transportplanning",
};
static const char * const education_skills[] = {
  "voorlezen", "spelbegeleiding", "groepsmanagement", "observeren", "kinderen begeleiden",
  "huiswerkbegeleiding", "creatieve activiteiten", "lesvoorbereiding",
};
static const char * const security_skills[] = {
  "toezicht houden", "surveilleren", "cameratoezicht", "toegangscontrole", "de-escalatie",
  "brandpreventie", "rapporteren", "evenementen",
};
static const char * const creative_skills[] = {
  "Photoshop", "Illustrator", "InDesign", "fotografie", "video-editing", "typografie", "animatie",
  "drukwerk", "huisstijl",
};
static const char * const beauty_skills[] = {
  "knippen", "kleuren", "föhnen", "gezichtsbehandeling", "manicure", "make-up", "klantadvies",
  "baardverzorging", "huidanalyse",
};
static const char * const general_skills[] = {
  "samenwerken", "plannen", "zelfstandig werken", "Engels", "Duits", "Microsoft Office",
  "klantvriendelijk", "nauwkeurig", "flexibel",
};
const DemoList sm_demo_general_skills = DEMO_LIST (general_skills);

const DemoList sm_demo_sector_skills[SM_N_SECTORS] = {
  [SM_SECTOR_CARE] = DEMO_LIST (care_skills),
  [SM_SECTOR_TECHNOLOGY] = DEMO_LIST (technology_skills),
  [SM_SECTOR_CONSTRUCTION] = DEMO_LIST (construction_skills),
  [SM_SECTOR_ICT] = DEMO_LIST (ict_skills),
  [SM_SECTOR_COMMERCE] = DEMO_LIST (commerce_skills),
  [SM_SECTOR_HOSPITALITY] = DEMO_LIST (hospitality_skills),
  [SM_SECTOR_GREEN] = DEMO_LIST (green_skills),
  [SM_SECTOR_LOGISTICS] = DEMO_LIST (logistics_skills),
  [SM_SECTOR_EDUCATION] = DEMO_LIST (education_skills),
  [SM_SECTOR_SECURITY] = DEMO_LIST (security_skills),
  [SM_SECTOR_CREATIVE] = DEMO_LIST (creative_skills),
  [SM_SECTOR_BEAUTY] = DEMO_LIST (beauty_skills),
};

/* "in $" in a sentence: "Ik wil stage lopen in de zorg". */
const char * const sm_demo_sector_phrase[SM_N_SECTORS] = {
  [SM_SECTOR_CARE] = "de zorg",
  [SM_SECTOR_TECHNOLOGY] = "de techniek",
  [SM_SECTOR_CONSTRUCTION] = "de bouw",
  [SM_SECTOR_ICT] = "de ICT",
  [SM_SECTOR_COMMERCE] = "de handel",
  [SM_SECTOR_HOSPITALITY] = "de horeca",
  [SM_SECTOR_GREEN] = "de groene sector",
  [SM_SECTOR_LOGISTICS] = "de logistiek",
  [SM_SECTOR_EDUCATION] = "het onderwijs",
  [SM_SECTOR_SECURITY] = "de beveiliging",
  [SM_SECTOR_CREATIVE] = "de creatieve sector",
  [SM_SECTOR_BEAUTY] = "de uiterlijke verzorging",
};

/* What an intern does there, for offer descriptions. */
const char * const sm_demo_sector_task[SM_N_SECTORS] = {
  [SM_SECTOR_CARE] = "Je helpt bij de dagelijkse zorg voor onze cliënten en leert goed te rapporteren.",
  [SM_SECTOR_TECHNOLOGY] = "Je werkt mee aan installaties en onderhoud, altijd samen met een ervaren monteur.",
  [SM_SECTOR_CONSTRUCTION] = "Je werkt mee op de bouwplaats en in de werkplaats.",
  [SM_SECTOR_ICT] = "Je lost vragen van gebruikers op en werkt mee aan onze systemen en software.",
  [SM_SECTOR_COMMERCE] = "Je helpt klanten, vult de winkel aan en leert hoe de administratie werkt.",
  [SM_SECTOR_HOSPITALITY] = "Je werkt in de keuken en in de bediening en leert werken volgens HACCP.",
  [SM_SECTOR_GREEN] = "Je werkt buiten in tuinen en parken en zorgt voor planten en dieren.",
  [SM_SECTOR_LOGISTICS] = "Je verzamelt orders, laadt en lost en leert werken met ons magazijnsysteem.",
  [SM_SECTOR_EDUCATION] = "Je begeleidt kinderen bij spel en leren, samen met de vaste leidster of leerkracht.",
  [SM_SECTOR_SECURITY] = "Je houdt toezicht, controleert de toegang en leert rapporteren.",
  [SM_SECTOR_CREATIVE] = "Je werkt mee aan ontwerpen, foto's en video's voor onze klanten.",
  [SM_SECTOR_BEAUTY] = "Je ontvangt klanten, adviseert ze en werkt mee in de salon.",
};

const guint sm_demo_sector_weight[SM_N_SECTORS] = {
  [SM_SECTOR_CARE] = 18,
  [SM_SECTOR_TECHNOLOGY] = 12,
  [SM_SECTOR_CONSTRUCTION] = 8,
  [SM_SECTOR_ICT] = 9,
  [SM_SECTOR_COMMERCE] = 14,
  [SM_SECTOR_HOSPITALITY] = 10,
  [SM_SECTOR_GREEN] = 4,
  [SM_SECTOR_LOGISTICS] = 9,
  [SM_SECTOR_EDUCATION] = 7,
  [SM_SECTOR_SECURITY] = 4,
  [SM_SECTOR_CREATIVE] = 3,
  [SM_SECTOR_BEAUTY] = 4,
};

/* Company names: $F family name, $G given name, $T house name, $W word,
 * $R region, $P port area. */
static const char * const care_companies[] = {
  "Zorggroep $T", "Thuiszorg $R", "Woonzorgcentrum $T", "Huisartsenpraktijk $F", "Apotheek $T",
  "Fysiotherapie $F", "Zorgcentrum $T",
};
static const char * const technology_companies[] = {
  "Techniek $R BV", "Installatiebedrijf $F", "Elektrotechniek $F BV", "$R Metaal BV", "Autobedrijf $F",
  "Machinefabriek $R", "Scheepswerf $P",
};
static const char * const construction_companies[] = {
  "Bouwbedrijf $F", "Aannemersbedrijf $F BV", "Schildersbedrijf $F", "Timmerfabriek $R", "$R Bouw BV",
  "Dakdekkersbedrijf $F",
};
static const char * const ict_companies[] = {
  "$W Software BV", "ICT Service $R", "$F IT Solutions", "Webbureau $W", "Datacenter $R",
  "Systeembeheer $R BV",
};
static const char * const commerce_companies[] = {
  "Supermarkt $F", "Fietsenwinkel $F", "Administratiekantoor $F", "Groothandel $R", "Bouwmarkt $R",
  "Modehuis $F", "Drogisterij $T", "Accountantskantoor $F & Partners",
};
static const char * const hospitality_companies[] = {
  "Bakkerij $F", "Restaurant $W", "Hotel $R", "Eetcafé $T", "Lunchroom $W", "Strandpaviljoen $W",
  "Grand Café $T", "Cateringbedrijf $F",
};
static const char * const green_companies[] = {
  "Hoveniersbedrijf $F", "Kwekerij $F", "Tuincentrum $R", "Kinderboerderij $T", "Dierenkliniek $R",
  "Groenvoorziening $R",
};
static const char * const logistics_companies[] = {
  "Logistiek Centrum $P", "Transportbedrijf $F", "Koeriersdienst $R", "Distributiecentrum $R",
  "Expeditiebedrijf $P BV", "Verhuisbedrijf $F",
};
static const char * const education_companies[] = {
  "Basisschool $T", "Kinderopvang $W", "Kindcentrum $T", "Buitenschoolse opvang $W",
  "Peuterspeelzaal $W", "Montessorischool $R",
};
static const char * const security_companies[] = {
  "Beveiliging $R BV", "$F Security", "Evenementenbeveiliging $R", "Bewakingsdienst $P",
};
static const char * const creative_companies[] = {
  "Drukkerij $F", "Reclamebureau $W", "Fotostudio $W", "Theater $T", "Ontwerpbureau $W",
  "Videoproductie $R",
};
static const char * const beauty_companies[] = {
  "Kapsalon $G", "Beautysalon $W", "Nagelstudio $W", "Barbershop $G", "Schoonheidssalon $T",
  "Kapsalon $W",
};

const DemoList sm_demo_sector_companies[SM_N_SECTORS] = {
  [SM_SECTOR_CARE] = DEMO_LIST (care_companies),
  [SM_SECTOR_TECHNOLOGY] = DEMO_LIST (technology_companies),
  [SM_SECTOR_CONSTRUCTION] = DEMO_LIST (construction_companies),
  [SM_SECTOR_ICT] = DEMO_LIST (ict_companies),
  [SM_SECTOR_COMMERCE] = DEMO_LIST (commerce_companies),
  [SM_SECTOR_HOSPITALITY] = DEMO_LIST (hospitality_companies),
  [SM_SECTOR_GREEN] = DEMO_LIST (green_companies),
  [SM_SECTOR_LOGISTICS] = DEMO_LIST (logistics_companies),
  [SM_SECTOR_EDUCATION] = DEMO_LIST (education_companies),
  [SM_SECTOR_SECURITY] = DEMO_LIST (security_companies),
  [SM_SECTOR_CREATIVE] = DEMO_LIST (creative_companies),
  [SM_SECTOR_BEAUTY] = DEMO_LIST (beauty_companies),
};

static const char * const house_names[] = {
  "De Linde", "De Eik", "Het Baken", "De Wilgen", "De Regenboog", "Het Anker", "De Vlinder",
  "De Horizon", "De Zonnebloem", "Het Kompas", "De Hoeksteen", "De Waterlelie", "De Kastanje",
  "Het Palet", "De Boog", "De Vuurtoren", "De Meerpaal", "Het Spectrum",
};
static const char * const name_words[] = {
  "Zeezicht", "Noorderlicht", "Blauwe Golf", "Stadshart", "Maas", "Pixel", "Kameleon", "Oase",
  "Duinzicht", "Toekomst", "Kade", "Vlinder", "Parel", "Zonnestraal", "Havenlicht", "Brug", "Delta",
  "Zilvermeeuw",
};
static const char * const regions[] = {
  "Rijnmond", "Haaglanden", "Delfland", "Westland", "Maasstad", "Hofstad", "IJsselmonde",
  "Midden-Holland", "Zuid-Holland", "Lansingerland", "Krimpenerwaard", "Nieuwe Waterweg",
};
static const char * const port_areas[] = {
  "Waalhaven", "Maasvlakte", "Botlek", "Eemhaven", "Spaanse Polder", "Kijfhoek", "Merwehaven",
  "Vondelingenplaat", "Europoort", "Nieuw-Mathenesse",
};

const DemoList sm_demo_house_names = DEMO_LIST (house_names);
const DemoList sm_demo_name_words = DEMO_LIST (name_words);
const DemoList sm_demo_regions = DEMO_LIST (regions);
const DemoList sm_demo_port_areas = DEMO_LIST (port_areas);

/* Motivation texts. '@' stands for the next argument; templates are
 * data, not printf formats. Some sentences name the student, the town or
 * contact details on purpose: the anonymiser has to remove them. */
static const char * const motivation_opening[] = {
  "Ik wil graag stage lopen in @ omdat ik het leuk vind om met mensen te werken.",
  "Na mijn opleiding wil ik in @ werken, daarom zoek ik een leerzame stageplek.",
  "In @ kan ik laten zien wat ik op school heb geleerd.",
  "Ik werk graag in een team en @ past daar goed bij.",
  "Ik heb al een bijbaan gehad en wil nu echt ervaring opdoen in @.",
  "Ik ben leergierig en wil mij verder ontwikkelen in @.",
  "Al sinds de basisschool weet ik dat ik later in @ wil werken.",
};
static const char * const motivation_skills[] = {
  "Ik ben goed in @ en wil dat graag verder leren.",
  "Vooral @ gaat me goed af.",
  "Mijn sterke punten zijn @ en @.",
  "Op school haal ik goede cijfers voor @.",
};
static const char * const motivation_personal[] = {
  "Mijn naam is @ en ik woon in @.",
  "Ik woon in @, dus een stage in de buurt zou mooi zijn.",
  "Groetjes, @",
  "Ik ben @ en ik ben altijd op tijd.",
};
static const char * const motivation_contact[] = {
  "U kunt mij mailen op @.",
  "Bel gerust naar @.",
};

const DemoList sm_demo_motivation_opening = DEMO_LIST (motivation_opening);
const DemoList sm_demo_motivation_skills = DEMO_LIST (motivation_skills);
const DemoList sm_demo_motivation_personal = DEMO_LIST (motivation_personal);
const DemoList sm_demo_motivation_contact = DEMO_LIST (motivation_contact);

static const char * const demo_accommodations[] = {
  "Dyslexie: extra tijd bij schriftelijke opdrachten.",
  "Prikkelarme werkplek gewenst.",
  "Rolstoeltoegankelijke werkplek nodig.",
  "Mantelzorger: op woensdagmiddag niet beschikbaar.",
};
const DemoList sm_demo_accommodations = DEMO_LIST (demo_accommodations);

static const char * const reject_reasons[] = {
  "not-available", "insufficient-experience", "position-filled", "distance-too-large",
  "requirements-not-met", "hours-do-not-match",
};
const DemoList sm_demo_reject_reasons = DEMO_LIST (reject_reasons);

static const char * const decision_notes[] = {
  "Kennismakingsgesprek gepland.",
  "Telefonisch doorgegeven door de praktijkopleider.",
  "Motivatie sprak ons aan.",
  "Graag eerst een proefdag.",
};
const DemoList sm_demo_decision_notes = DEMO_LIST (decision_notes);

/* Periods of the school year 2026-2027. */

static const DemoPeriod vmbo_periods[] = {
  { "2026-10-05", "2026-10-16" },
  { "2026-11-02", "2026-11-27" },
  { "2027-01-11", "2027-02-05" },
  { "2027-03-08", "2027-04-02" },
  { "2027-05-17", "2027-06-11" },
};
static const DemoPeriod mbo_periods[] = {
  { "2026-09-07", "2027-01-29" },
  { "2027-02-01", "2027-07-09" },
  { "2026-09-07", "2026-11-13" },
  { "2026-11-16", "2027-02-05" },
  { "2027-02-08", "2027-04-23" },
  { "2027-04-26", "2027-07-09" },
};
static const DemoPeriod hbo_periods[] = {
  { "2026-09-01", "2027-01-29" },
  { "2027-02-01", "2027-07-09" },
};

const DemoPeriods sm_demo_vmbo_periods = DEMO_LIST (vmbo_periods);
const DemoPeriods sm_demo_mbo_periods = DEMO_LIST (mbo_periods);
const DemoPeriods sm_demo_hbo_periods = DEMO_LIST (hbo_periods);
const DemoPeriod sm_demo_full_year = { "2026-09-01", "2027-07-09" };

/* Level mix of a combined vmbo/mbo/hbo school, per hundred students. */
const guint sm_demo_level_weight[SM_N_LEVELS] = {
  [SM_LEVEL_VMBO_BB] = 5,
  [SM_LEVEL_VMBO_KB] = 7,
  [SM_LEVEL_VMBO_GL] = 3,
  [SM_LEVEL_VMBO_TL] = 10,
  [SM_LEVEL_MBO_1] = 4,
  [SM_LEVEL_MBO_2] = 14,
  [SM_LEVEL_MBO_3] = 16,
  [SM_LEVEL_MBO_4] = 22,
  [SM_LEVEL_HBO_AD] = 4,
  [SM_LEVEL_HBO_BACHELOR] = 15,
};
