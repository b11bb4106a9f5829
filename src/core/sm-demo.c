/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sm-company.h"
#include "sm-decision.h"
#include "sm-demo.h"
#include "sm-offer.h"
#include "sm-placement.h"
#include "sm-preference.h"
#include "sm-programme.h"
#include "sm-student.h"

/* Demo data: a fictional school in the Rotterdam/Den Haag region in the
 * school year 2026-2027, for trying the program, for screenshots and for
 * tests and benchmarks at the scale of a large mbo school. Everything is
 * drawn from one GRand seeded by the caller, so a seed always gives the
 * same database, and everything is written through the store API, so the
 * records pass the same validation as typed ones. Every person, company,
 * address, KvK number and phone number is made up. */

#define DEMO_MAX_RECORDS 1000000

/* The demo is set on this day, whatever the clock says, so that the same
 * seed gives the same data in any year: internships before it may have
 * started, decisions were taken before it. */
#define DEMO_TODAY_YEAR  2026
#define DEMO_TODAY_MONTH 11
#define DEMO_TODAY_DAY   24

/* Programmes */

typedef struct
{
  const char  *code;
  const char  *name;
  SmEducation  education;
  SmSector     sector;
  guint8       level;   /* mbo: 1-4; hbo: 0 Ad, 1 bachelor; vmbo: unused */
  guint8       weight;  /* how many students follow it, relatively */
  const char  *group;   /* the start of a class name: "VIG" in "VIG2A" */
} DemoProgramme;

/* The crebo codes are fictional but shaped like real ones (five digits in
 * the 25xxx range of the current qualification structure); they need not
 * match the SBB register. */
static const DemoProgramme demo_programmes[] = {
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

#define N_PROGRAMMES G_N_ELEMENTS (demo_programmes)

/* Region: towns with their PC4 ranges. Centres are approximate and the
 * areas of a town are spread evenly around its centre, so distances are
 * right to within a few kilometres: enough for a demo, not for real use. */

typedef struct
{
  const char *name;
  guint       first;
  guint       last;
  double      latitude;
  double      longitude;
  double      radius_km;
  const char *area_code;  /* of landline phone numbers */
} DemoTown;

static const DemoTown demo_towns[] = {
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

static const char * const demo_business_streets[] = {
  "Industrieweg", "Edisonweg", "Marconistraat", "Nijverheidsstraat", "Transportweg", "Havenweg",
  "Pascalweg", "Einsteinstraat", "Waalhavenweg", "Ambachtsweg", "Handelsweg", "Energieweg",
  "Zuidplein", "Binnenweg", "Spui", "Coolsingel", "Zuidhoornseweg", "Laan van Waalhaven",
};

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

typedef struct
{
  const char * const *given;
  guint               n_given;
  const char * const *family;
  guint               n_family;
  guint               weight;
} DemoNames;

#define DEMO_NAMES(g, f, w) { g, G_N_ELEMENTS (g), f, G_N_ELEMENTS (f), w }

static const DemoNames demo_names[] = {
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

static const char * const demo_teachers[] = {
  "Marieke Jansen", "Karim Bouzid", "Ingrid Smit", "Peter van der Laan", "Sevda Kaya",
  "Jeroen de Wit", "Anita Ramdin", "Hans Verbeek", "Loubna el Ouali", "Monique Visser",
  "Erik Hoekstra", "Patricia Martina", "Ruud van Vliet", "Esther Mulder", "Mustafa Demir",
  "Linda Koster", "Tom Bakker", "Sandra Pinas", "Wouter de Graaf", "Joyce Tavares",
  "Mark Dijkstra", "Nadia Amrani", "Bas van den Berg", "Kim Wong", "Gerard Prins",
  "Hülya Aydın", "Rob Schouten", "Saskia Vermeulen", "Dennis Latumahina", "Yvonne de Haan",
};

/* Sector vocabulary, indexed by SmSector */

typedef struct
{
  const char * const *items;
  guint               n_items;
} DemoList;

#define DEMO_LIST(a) { a, G_N_ELEMENTS (a) }

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

static const DemoList sector_skills[SM_N_SECTORS] = {
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
static const char * const sector_phrase[SM_N_SECTORS] = {
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
static const char * const sector_task[SM_N_SECTORS] = {
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

static const guint sector_weight[SM_N_SECTORS] = {
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

static const DemoList sector_companies[SM_N_SECTORS] = {
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

static const char * const demo_accommodations[] = {
  "Dyslexie: extra tijd bij schriftelijke opdrachten.",
  "Prikkelarme werkplek gewenst.",
  "Rolstoeltoegankelijke werkplek nodig.",
  "Mantelzorger: op woensdagmiddag niet beschikbaar.",
};

static const char * const reject_reasons[] = {
  "not-available", "insufficient-experience", "position-filled", "distance-too-large",
  "requirements-not-met", "hours-do-not-match",
};

static const char * const decision_notes[] = {
  "Kennismakingsgesprek gepland.",
  "Telefonisch doorgegeven door de praktijkopleider.",
  "Motivatie sprak ons aan.",
  "Graag eerst een proefdag.",
};

/* Periods of the school year 2026-2027. */

typedef struct
{
  const char *start;
  const char *end;
} DemoPeriod;

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
static const DemoPeriod full_year = { "2026-09-01", "2027-07-09" };

/* Level mix of a combined vmbo/mbo/hbo school, per hundred students. */
static const guint level_weight[SM_N_LEVELS] = {
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

/* The generator */

typedef struct
{
  SmRecord          *record;
  SmLevel            level;
  SmPathway          pathway;
  guint              programme;
  const DemoPeriod  *period;
  const char        *supervisor;
  gboolean           placed;
} StudentInfo;

typedef struct
{
  SmRecord  *record;
  char      *contact;
  guint      town;
  gboolean   sbb;
  SmSector   sector;
} CompanyInfo;

typedef struct
{
  SmRecord          *record;
  guint              company;
  guint              levels;
  guint              pathways;
  guint              programmes[3];
  guint              n_programmes;
  SmSector           sector;
  const DemoPeriod  *period;
  guint              places;
  guint              used;
} OfferInfo;

typedef struct
{
  GRand       *rand;
  SmChangeSet *changes;

  GArray      *areas;        /* of SmPostcodeArea */
  GArray      *area_town;    /* of guint, per area */

  GArray      *by_level[SM_N_LEVELS];              /* programme indices */
  GArray      *by_sector[SM_N_SECTORS][3];         /* per SmEducation */
  GArray      *offers_by_level[SM_N_LEVELS];       /* offer indices */
  guint        names_total;
  guint        sector_total;

  GStringChunk *strings;     /* keys of the sets below */
  GHashTable  *used_numbers;
  GHashTable  *used_emails;  /* local part → how many have it */
  GHashTable  *used_kvk;
  GHashTable  *used_company_names;
  GHashTable  *branches;     /* "name vestiging town" → how many */
  GHashTable  *used_codes;

  StudentInfo *students;
  guint        n_students;
  CompanyInfo *companies;
  guint        n_companies;
  OfferInfo   *offers;
  guint        n_offers;
} Demo;

static void
demo_free (Demo *demo)
{
  g_clear_pointer (&demo->rand, g_rand_free);
  g_clear_object (&demo->changes);
  g_clear_pointer (&demo->areas, g_array_unref);
  g_clear_pointer (&demo->area_town, g_array_unref);
  for (guint i = 0; i < SM_N_LEVELS; i++)
    {
      g_clear_pointer (&demo->by_level[i], g_array_unref);
      g_clear_pointer (&demo->offers_by_level[i], g_array_unref);
    }
  for (guint s = 0; s < SM_N_SECTORS; s++)
    for (guint e = 0; e < 3; e++)
      g_clear_pointer (&demo->by_sector[s][e], g_array_unref);
  g_clear_pointer (&demo->used_numbers, g_hash_table_unref);
  g_clear_pointer (&demo->used_emails, g_hash_table_unref);
  g_clear_pointer (&demo->used_kvk, g_hash_table_unref);
  g_clear_pointer (&demo->used_company_names, g_hash_table_unref);
  g_clear_pointer (&demo->branches, g_hash_table_unref);
  g_clear_pointer (&demo->used_codes, g_hash_table_unref);
  g_clear_pointer (&demo->strings, g_string_chunk_free);
  /* The records belong to the change set. */
  for (guint i = 0; i < demo->n_companies; i++)
    g_free (demo->companies[i].contact);
  g_free (demo->students);
  g_free (demo->companies);
  g_free (demo->offers);
  g_free (demo);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Demo, demo_free)

/* Random helpers: everything goes through demo->rand, never g_random_*. */

static guint
rand_below (Demo  *demo,
            guint  n)
{
  g_assert (n > 0);
  return (guint) g_rand_int_range (demo->rand, 0, (gint32) n);
}

static int
rand_between (Demo *demo,
              int   lo,
              int   hi)
{
  return g_rand_int_range (demo->rand, lo, hi + 1);
}

static gboolean
chance (Demo   *demo,
        double  p)
{
  return g_rand_double (demo->rand) < p;
}

#define PICK(demo, array) ((array)[rand_below ((demo), G_N_ELEMENTS (array))])

static guint
pick_weighted (Demo        *demo,
               const guint *weights,
               guint        n,
               guint        total)
{
  guint r = rand_below (demo, total);

  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  g_assert_not_reached ();
}

static guint
pick_programme (Demo   *demo,
                GArray *candidates)
{
  guint total = 0, r;

  for (guint i = 0; i < candidates->len; i++)
    total += demo_programmes[g_array_index (candidates, guint, i)].weight;
  r = rand_below (demo, total);
  for (guint i = 0; i < candidates->len; i++)
    {
      guint p = g_array_index (candidates, guint, i);

      if (r < demo_programmes[p].weight)
        return p;
      r -= demo_programmes[p].weight;
    }
  g_assert_not_reached ();
}

/* Text helpers */

/* Replaces each '@' in @tmpl by the next of @args. */
static void
append_template (GString            *out,
                 const char         *tmpl,
                 const char * const *args)
{
  for (const char *p = tmpl; *p != '\0'; p++)
    {
      if (*p == '@' && *args != NULL)
        g_string_append (out, *args++);
      else
        g_string_append_c (out, *p);
    }
}

/* Lower-case ASCII letters and digits only: "Yılmaz" → "yilmaz",
 * "van 't Hof" → "vanthof". */
static char *
ascii_fold (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  g_autoptr(GString) out = g_string_sized_new (strlen (ascii));

  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Splits "van der Linden" into the prefix "van der" and "Linden". */
static void
split_family (const char  *full,
              char       **prefix,
              char       **family)
{
  const char *rest = full;

  while (*rest != '\0' && !g_unichar_isupper (g_utf8_get_char (rest)))
    {
      const char *space = strchr (rest, ' ');
      if (space == NULL)
        break;
      rest = space + 1;
    }
  *prefix = rest > full ? g_strndup (full, rest - full - 1) : NULL;
  *family = g_strdup (rest);
}

/* "van den Berg" → "Van den Berg", as written without a given name. */
static char *
capitalise_first (const char *text)
{
  gunichar c = g_utf8_get_char (text);
  const char *rest = g_utf8_next_char (text);
  char buffer[8];
  int len = g_unichar_to_utf8 (g_unichar_toupper (c), buffer);

  return g_strdup_printf ("%.*s%s", len, buffer, rest);
}

typedef struct
{
  char *given;
  char *prefix;
  char *family;
} DemoPerson;

static void
person_clear (DemoPerson *person)
{
  g_clear_pointer (&person->given, g_free);
  g_clear_pointer (&person->prefix, g_free);
  g_clear_pointer (&person->family, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DemoPerson, person_clear)

static const DemoNames *
pick_names (Demo *demo)
{
  guint r = rand_below (demo, demo->names_total);

  for (guint i = 0; i < G_N_ELEMENTS (demo_names); i++)
    {
      if (r < demo_names[i].weight)
        return &demo_names[i];
      r -= demo_names[i].weight;
    }
  g_assert_not_reached ();
}

static void
make_person (Demo       *demo,
             DemoPerson *person)
{
  const DemoNames *names = pick_names (demo);
  /* Families mix: some given and family names come from different lists. */
  const DemoNames *family_names = chance (demo, 0.1) ? pick_names (demo) : names;

  person->given = g_strdup (names->given[rand_below (demo, names->n_given)]);
  split_family (family_names->family[rand_below (demo, family_names->n_family)],
                &person->prefix, &person->family);
}

static char *
person_full_name (const DemoPerson *person)
{
  if (person->prefix != NULL)
    return g_strdup_printf ("%s %s %s", person->given, person->prefix, person->family);
  return g_strdup_printf ("%s %s", person->given, person->family);
}

static char *
make_mobile (Demo *demo)
{
  return g_strdup_printf ("06-%d%07d", rand_between (demo, 1, 5), rand_between (demo, 0, 9999999));
}

static char *
make_landline (Demo     *demo,
               guint     town)
{
  const char *area_code = demo_towns[town].area_code;

  /* Area code and subscriber number have ten digits together. */
  if (strlen (area_code) == 3)
    return g_strdup_printf ("%s-%d%06d", area_code, rand_between (demo, 2, 9), rand_between (demo, 0, 999999));
  return g_strdup_printf ("%s-%d%05d", area_code, rand_between (demo, 2, 9), rand_between (demo, 0, 99999));
}

static char *
make_street (Demo               *demo,
             const char * const *streets,
             guint               n_streets)
{
  const char *street = streets[rand_below (demo, n_streets)];
  int number = rand_between (demo, 1, 199);

  if (chance (demo, 0.1))
    return g_strdup_printf ("%s %d%c", street, number, 'a' + rand_between (demo, 0, 2));
  if (chance (demo, 0.05))
    return g_strdup_printf ("%s %d-%d", street, number, rand_between (demo, 1, 3));
  return g_strdup_printf ("%s %d", street, number);
}

/* A full postcode in a PC4 area of the region; sets @town. Letters as
 * PostNL uses them (no F, I, O, Q, U, Y), never SA, SD or SS. */
static char *
make_postcode (Demo  *demo,
               guint *town)
{
  static const char letters[] = "ABCDEGHJKLMNPRSTVWXZ";
  guint area = rand_below (demo, demo->areas->len);
  char a, b;

  do
    {
      a = letters[rand_below (demo, sizeof letters - 1)];
      b = letters[rand_below (demo, sizeof letters - 1)];
    }
  while (a == 'S' && (b == 'A' || b == 'D' || b == 'S'));

  *town = g_array_index (demo->area_town, guint, area);
  return g_strdup_printf ("%04u %c%c", g_array_index (demo->areas, SmPostcodeArea, area).code, a, b);
}

static int
period_weeks (const DemoPeriod *period)
{
  GDate start, end;

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  if (!sm_date_parse (period->start, &start) || !sm_date_parse (period->end, &end))
    g_assert_not_reached ();
  /* The same count as the offer's validation. */
  return (g_date_days_between (&start, &end) + 1) / 7;
}

/* Postcode areas */

static void
build_areas (Demo *demo)
{
  /* A sunflower spiral spreads the areas of a town evenly over a disc. It
   * does not use the seed: the map is the same for every demo. */
  const double golden_angle = G_PI * (3.0 - sqrt (5.0));

  demo->areas = g_array_new (FALSE, FALSE, sizeof (SmPostcodeArea));
  demo->area_town = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint t = 0; t < G_N_ELEMENTS (demo_towns); t++)
    {
      const DemoTown *town = &demo_towns[t];
      guint n = town->last - town->first + 1;

      for (guint k = 0; k < n; k++)
        {
          double r = town->radius_km * sqrt ((k + 0.5) / n);
          double theta = k * golden_angle;
          SmPostcodeArea area;

          area.code = town->first + k;
          area.latitude = town->latitude + r * sin (theta) / 111.2;
          area.longitude = town->longitude + r * cos (theta) / (111.2 * cos (town->latitude * G_PI / 180.0));
          g_array_append_val (demo->areas, area);
          g_array_append_val (demo->area_town, t);
        }
    }
}

/* Programmes */

static void
add_programmes (Demo *demo)
{
  for (guint i = 0; i < SM_N_LEVELS; i++)
    demo->by_level[i] = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint s = 0; s < SM_N_SECTORS; s++)
    for (guint e = 0; e < 3; e++)
      demo->by_sector[s][e] = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < N_PROGRAMMES; i++)
    {
      const DemoProgramme *p = &demo_programmes[i];
      g_autoptr(SmProgramme) programme = sm_programme_new (p->code, p->name, p->education, p->sector);

      sm_change_set_save (demo->changes, SM_RECORD (programme));
      g_array_append_val (demo->by_sector[p->sector][p->education], i);

      switch (p->education)
        {
        case SM_EDUCATION_VMBO:
          for (SmLevel l = SM_LEVEL_VMBO_BB; l <= SM_LEVEL_VMBO_TL; l++)
            g_array_append_val (demo->by_level[l], i);
          break;
        case SM_EDUCATION_MBO:
          g_array_append_val (demo->by_level[SM_LEVEL_MBO_1 + p->level - 1], i);
          break;
        case SM_EDUCATION_HBO:
          g_array_append_val (demo->by_level[p->level ? SM_LEVEL_HBO_BACHELOR : SM_LEVEL_HBO_AD], i);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* Students */

static char *
make_student_number (Demo *demo)
{
  /* Six digits for a school of ordinary size, seven for a huge one. */
  guint range = MIN (9900000u, MAX (900000u, demo->n_students * 10));

  for (;;)
    {
      guint number = 100000 + rand_below (demo, range);

      if (g_hash_table_add (demo->used_numbers, GUINT_TO_POINTER (number)))
        return g_strdup_printf ("%u", number);
    }
}

static char *
make_email (Demo             *demo,
            const DemoPerson *person,
            const char       *domain)
{
  g_autofree char *given = ascii_fold (person->given);
  g_autofree char *family_text = g_strconcat (person->prefix != NULL ? person->prefix : "", person->family, NULL);
  g_autofree char *family = ascii_fold (family_text);
  g_autofree char *local = g_strdup_printf ("%s.%s", given, family);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (demo->used_emails, local)) + 1;

  /* The second Daan Jansen gets daan.jansen2@..., as at school. Names
   * have no digits, so that is never someone else's first address. */
  g_hash_table_insert (demo->used_emails, g_string_chunk_insert_const (demo->strings, local), GUINT_TO_POINTER (n));
  if (n == 1)
    return g_strdup_printf ("%s@%s", local, domain);
  return g_strdup_printf ("%s%u@%s", local, n, domain);
}

static char *
make_date_of_birth (Demo *demo,
                    int   age)
{
  GDate date;
  char text[16];

  /* @age on 1 September 2026. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_SEPTEMBER, 2026 - age);
  g_date_subtract_days (&date, rand_between (demo, 0, 364));
  g_snprintf (text, sizeof text, "%04u-%02u-%02u",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
  return g_strdup (text);
}

static void
add_skills (Demo             *demo,
            GStrvBuilder     *builder,
            const DemoList   *list,
            guint             n,
            GPtrArray        *chosen)
{
  for (guint i = 0; i < n; i++)
    {
      const char *skill = list->items[rand_below (demo, list->n_items)];

      if (!g_ptr_array_find_with_equal_func (chosen, skill, g_str_equal, NULL))
        {
          g_ptr_array_add (chosen, (gpointer) skill);
          g_strv_builder_add (builder, skill);
        }
    }
}

/* @skills: the first @n_skills are the sector's, which read well in a
 * sentence; general ones ("flexibel") do not. */
static char *
make_motivation (Demo             *demo,
                 const DemoPerson *person,
                 SmSector          sector,
                 const char       *city,
                 GPtrArray        *skills,
                 guint             n_skills,
                 const char       *email,
                 const char       *phone)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *args[3] = { NULL };

  args[0] = sector_phrase[sector];
  append_template (out, PICK (demo, motivation_opening), args);

  if (n_skills > 0 && chance (demo, 0.55))
    {
      guint which = rand_below (demo, G_N_ELEMENTS (motivation_skills));
      guint a = rand_below (demo, n_skills);

      /* Only the template at 2 names two skills, and two different ones. */
      if (which == 2 && n_skills < 2)
        which = 0;
      args[0] = skills->pdata[a];
      args[1] = n_skills > 1 ? skills->pdata[(a + 1 + rand_below (demo, n_skills - 1)) % n_skills] : NULL;
      g_string_append_c (out, ' ');
      append_template (out, motivation_skills[which], args);
    }

  if (chance (demo, 0.3))
    {
      guint which = rand_below (demo, G_N_ELEMENTS (motivation_personal));
      g_autofree char *full = person_full_name (person);

      switch (which)
        {
        case 0:
          args[0] = full;
          args[1] = city;
          break;
        case 1:
          args[0] = city;
          break;
        default:
          args[0] = person->given;
          break;
        }
      g_string_append_c (out, ' ');
      append_template (out, motivation_personal[which], args);
    }
  else if (chance (demo, 0.06))
    {
      guint which = rand_below (demo, G_N_ELEMENTS (motivation_contact));

      args[0] = which == 0 ? email : phone;
      g_string_append_c (out, ' ');
      append_template (out, motivation_contact[which], args);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
make_class_name (Demo    *demo,
                 SmLevel  level,
                 guint    programme,
                 int      year)
{
  static const char * const vmbo_tracks[] = { "BB", "KB", "GL", "TL" };

  if (sm_level_get_education (level) == SM_EDUCATION_VMBO)
    return g_strdup_printf ("%d%s%d", year, vmbo_tracks[level - SM_LEVEL_VMBO_BB], rand_between (demo, 1, 4));
  return g_strdup_printf ("%s%d%c", demo_programmes[programme].group, year, 'A' + rand_between (demo, 0, 3));
}

static void
add_student (Demo        *demo,
             StudentInfo *info)
{
  g_autoptr(SmStudent) student = sm_student_new ();
  SmRecord *record = SM_RECORD (student);
  g_auto(DemoPerson) person = { NULL };
  g_autoptr(GStrvBuilder) skills_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) interests_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) certificates_builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) skills = g_ptr_array_new ();
  g_auto(GStrv) skill_list = NULL;
  g_auto(GStrv) interest_list = NULL;
  g_auto(GStrv) certificate_list = NULL;
  g_autofree char *number = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *street = NULL;
  g_autofree char *postcode = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *class_name = NULL;
  g_autofree char *motivation = NULL;
  SmLevel level;
  SmEducation education;
  const DemoProgramme *programme;
  SmSector sector;
  guint town, n_sector_skills;
  int year, age, hours, travel;
  gboolean licence, vog;

  level = (SmLevel) pick_weighted (demo, level_weight, SM_N_LEVELS, 100);
  education = sm_level_get_education (level);
  info->level = level;
  info->programme = pick_programme (demo, demo->by_level[level]);
  programme = &demo_programmes[info->programme];
  sector = programme->sector;
  info->supervisor = PICK (demo, demo_teachers);

  if (education == SM_EDUCATION_MBO)
    info->pathway = level >= SM_LEVEL_MBO_2 && chance (demo, 0.2) ? SM_PATHWAY_BBL : SM_PATHWAY_BOL;
  else
    info->pathway = SM_PATHWAY_NONE;

  /* Year of study and age on 1 September 2026. */
  switch (education)
    {
    case SM_EDUCATION_VMBO:
      year = rand_between (demo, 3, 4);
      age = 11 + year + (chance (demo, 0.2) ? 1 : 0);
      info->period = &PICK (demo, vmbo_periods);
      hours = 16 + 4 * rand_between (demo, 0, 4);
      travel = 10 + 5 * rand_between (demo, 0, 2);
      break;
    case SM_EDUCATION_MBO:
      year = rand_between (demo, 1, MAX (1, (int) programme->level));
      if (info->pathway == SM_PATHWAY_BBL)
        {
          age = 17 + year + rand_between (demo, 0, chance (demo, 0.3) ? 20 : 4);
          info->period = &full_year;
          hours = 24 + 4 * rand_between (demo, 0, 4);
        }
      else
        {
          age = 15 + year + rand_between (demo, 0, 2) + (level == SM_LEVEL_MBO_1 ? rand_between (demo, 0, 3) : 0);
          info->period = &PICK (demo, mbo_periods);
          hours = 24 + 4 * rand_between (demo, 0, 4);
        }
      travel = 10 + 5 * rand_between (demo, 0, 6);
      break;
    case SM_EDUCATION_HBO:
    default:
      year = level == SM_LEVEL_HBO_AD ? rand_between (demo, 1, 2) : rand_between (demo, 2, 4);
      age = 17 + year + rand_between (demo, 0, 3);
      info->period = &PICK (demo, hbo_periods);
      hours = 32 + 4 * rand_between (demo, 0, 2);
      travel = 15 + 5 * rand_between (demo, 0, 5);
      break;
    }
  travel = MIN (travel, 40);

  make_person (demo, &person);
  number = make_student_number (demo);
  email = make_email (demo, &person, "student.example.nl");
  phone = make_mobile (demo);
  street = make_street (demo, demo_streets, G_N_ELEMENTS (demo_streets));
  postcode = make_postcode (demo, &town);
  birth = make_date_of_birth (demo, age);
  class_name = make_class_name (demo, level, info->programme, year);

  /* Skills from the programme's sector, one general; interests start with
   * the own sector. */
  add_skills (demo, skills_builder, &sector_skills[sector], rand_between (demo, 2, 4), skills);
  n_sector_skills = skills->len;
  if (chance (demo, 0.7))
    {
      static const DemoList general = DEMO_LIST (general_skills);
      add_skills (demo, skills_builder, &general, 1, skills);
    }
  skill_list = g_strv_builder_end (skills_builder);

  g_strv_builder_add (interests_builder, sm_sector_to_key (sector));
  for (int i = rand_between (demo, 0, 2); i > 0; i--)
    {
      SmSector other = (SmSector) pick_weighted (demo, sector_weight, SM_N_SECTORS, demo->sector_total);
      if (other != sector)
        g_strv_builder_add (interests_builder, sm_sector_to_key (other));
    }
  interest_list = g_strv_builder_end (interests_builder);

  if (age >= 18 && chance (demo, age < 20 ? 0.2 : age < 23 ? 0.45 : 0.7))
    licence = TRUE;
  else
    licence = FALSE;
  vog = (sector == SM_SECTOR_CARE || sector == SM_SECTOR_EDUCATION) ? chance (demo, 0.7) : chance (demo, 0.05);

  if (age >= 16 && chance (demo, 0.15))
    g_strv_builder_add (certificates_builder, "BHV");
  if (chance (demo, sector == SM_SECTOR_CARE || sector == SM_SECTOR_EDUCATION ? 0.35 : 0.1))
    g_strv_builder_add (certificates_builder, "EHBO");
  if ((sector == SM_SECTOR_TECHNOLOGY || sector == SM_SECTOR_CONSTRUCTION || sector == SM_SECTOR_LOGISTICS) &&
      age >= 16 && chance (demo, 0.4))
    g_strv_builder_add (certificates_builder, "VCA");
  if (sector == SM_SECTOR_LOGISTICS && age >= 18 && chance (demo, 0.3))
    g_strv_builder_add (certificates_builder, "Heftruckcertificaat");
  if (sector == SM_SECTOR_HOSPITALITY && age >= 18 && chance (demo, 0.2))
    g_strv_builder_add (certificates_builder, "Sociale Hygiëne");
  certificate_list = g_strv_builder_end (certificates_builder);

  motivation = make_motivation (demo, &person, sector, demo_towns[town].name, skills, n_sector_skills,
                                email, phone);

  sm_record_set_string (record, SM_STUDENT_FIELD_STUDENT_NUMBER, number);
  sm_record_set_string (record, SM_STUDENT_FIELD_GIVEN_NAME, person.given);
  sm_record_set_string (record, SM_STUDENT_FIELD_NAME_PREFIX, person.prefix);
  sm_record_set_string (record, SM_STUDENT_FIELD_FAMILY_NAME, person.family);
  sm_record_set_string (record, SM_STUDENT_FIELD_DATE_OF_BIRTH, birth);
  sm_record_set_string (record, SM_STUDENT_FIELD_EMAIL, email);
  sm_record_set_string (record, SM_STUDENT_FIELD_PHONE, phone);
  sm_record_set_string (record, SM_STUDENT_FIELD_STREET, street);
  sm_record_set_string (record, SM_STUDENT_FIELD_POSTCODE, postcode);
  sm_record_set_string (record, SM_STUDENT_FIELD_CITY, demo_towns[town].name);
  sm_record_set_string (record, SM_STUDENT_FIELD_CLASS_NAME, class_name);
  sm_record_set_int (record, SM_STUDENT_FIELD_LEVEL, level);
  sm_record_set_int (record, SM_STUDENT_FIELD_PATHWAY, info->pathway);
  sm_record_set_string (record, SM_STUDENT_FIELD_PROGRAMME, programme->code);
  sm_record_set_string (record, SM_STUDENT_FIELD_SUPERVISOR, info->supervisor);
  sm_record_set_string (record, SM_STUDENT_FIELD_AVAILABLE_FROM, info->period->start);
  sm_record_set_string (record, SM_STUDENT_FIELD_AVAILABLE_UNTIL, info->period->end);
  sm_record_set_int (record, SM_STUDENT_FIELD_HOURS_PER_WEEK, hours);
  sm_record_set_int (record, SM_STUDENT_FIELD_MAX_TRAVEL_KM, travel);
  sm_record_set_strv (record, SM_STUDENT_FIELD_SKILLS, (const char * const *) skill_list);
  sm_record_set_strv (record, SM_STUDENT_FIELD_SECTOR_INTERESTS, (const char * const *) interest_list);
  sm_record_set_int (record, SM_STUDENT_FIELD_DRIVING_LICENCE, licence);
  sm_record_set_int (record, SM_STUDENT_FIELD_VOG, vog);
  sm_record_set_strv (record, SM_STUDENT_FIELD_CERTIFICATES, (const char * const *) certificate_list);
  sm_record_set_string (record, SM_STUDENT_FIELD_MOTIVATION, motivation);
  if (chance (demo, 0.04))
    sm_record_set_string (record, SM_STUDENT_FIELD_ACCOMMODATIONS, PICK (demo, demo_accommodations));

  sm_change_set_save (demo->changes, record);
  info->record = record;
}

/* Companies */

static char *
expand_company_template (Demo     *demo,
                         SmSector  sector)
{
  const DemoList *templates = &sector_companies[sector];
  const char *tmpl = templates->items[rand_below (demo, templates->n_items)];
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = tmpl; *p != '\0'; p++)
    {
      if (*p != '$' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }

      switch (*++p)
        {
        case 'F':
          {
            const DemoNames *names = pick_names (demo);
            g_autofree char *family = capitalise_first (names->family[rand_below (demo, names->n_family)]);
            g_string_append (out, family);
          }
          break;
        case 'G':
          {
            const DemoNames *names = pick_names (demo);
            g_string_append (out, names->given[rand_below (demo, names->n_given)]);
          }
          break;
        case 'T':
          g_string_append (out, PICK (demo, house_names));
          break;
        case 'W':
          g_string_append (out, PICK (demo, name_words));
          break;
        case 'R':
          g_string_append (out, PICK (demo, regions));
          break;
        case 'P':
          g_string_append (out, PICK (demo, port_areas));
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Returns the company's name; @base is the name without the branch,
 * which the branches of one firm share. */
static char *
make_company_name (Demo      *demo,
                   SmSector   sector,
                   guint      town,
                   char     **base)
{
  char *name = NULL;

  /* Mostly a new firm; when the names run out, a second "Hotel Rijnmond"
   * is a branch, named after its town. */
  for (guint tries = 0; tries < 4; tries++)
    {
      g_clear_pointer (base, g_free);
      *base = expand_company_template (demo, sector);
      if (!g_hash_table_contains (demo->used_company_names, *base))
        break;
    }
  if (g_hash_table_contains (demo->used_company_names, *base))
    {
      g_autofree char *branch = g_strdup_printf ("%s vestiging %s", *base, demo_towns[town].name);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (demo->branches, branch)) + 1;

      /* No template says "vestiging", so a branch never takes the name of
       * another firm. */
      g_hash_table_insert (demo->branches, g_string_chunk_insert_const (demo->strings, branch), GUINT_TO_POINTER (n));
      name = n == 1 ? g_strdup (branch) : g_strdup_printf ("%s %u", branch, n);
    }
  else
    {
      name = g_strdup (*base);
      g_hash_table_add (demo->used_company_names, g_string_chunk_insert (demo->strings, name));
    }
  return name;
}

static char *
make_kvk (Demo *demo)
{
  for (;;)
    {
      guint number = 10000000 + rand_below (demo, 90000000);

      if (g_hash_table_add (demo->used_kvk, GUINT_TO_POINTER (number)))
        return g_strdup_printf ("%08u", number);
    }
}

static void
add_company (Demo        *demo,
             CompanyInfo *info)
{
  g_autoptr(SmCompany) company = sm_company_new ();
  SmRecord *record = SM_RECORD (company);
  g_auto(DemoPerson) contact = { NULL };
  g_autofree char *postcode = NULL;
  g_autofree char *name = NULL;
  g_autofree char *base_name = NULL;
  g_autofree char *kvk = NULL;
  g_autofree char *street = NULL;
  g_autofree char *domain_name = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *email = NULL;
  g_autofree char *email_family = NULL;
  g_autofree char *email_given = NULL;
  g_autofree char *phone = NULL;

  info->sector = (SmSector) pick_weighted (demo, sector_weight, SM_N_SECTORS, demo->sector_total);
  info->sbb = chance (demo, 0.85);
  postcode = make_postcode (demo, &info->town);
  name = make_company_name (demo, info->sector, info->town, &base_name);
  kvk = make_kvk (demo);
  street = make_street (demo, demo_business_streets, G_N_ELEMENTS (demo_business_streets));
  make_person (demo, &contact);
  info->contact = person_full_name (&contact);

  domain_name = ascii_fold (base_name);
  if (strlen (domain_name) > 40)
    domain_name[40] = '\0';
  domain = g_strdup_printf ("%s.example.nl", *domain_name != '\0' ? domain_name : "bedrijf");
  email_given = ascii_fold (contact.given);
  {
    g_autofree char *family_text = g_strconcat (contact.prefix != NULL ? contact.prefix : "", contact.family, NULL);
    email_family = ascii_fold (family_text);
  }
  email = g_strdup_printf ("%c.%s@%s", email_given[0] != '\0' ? email_given[0] : 'x', email_family, domain);
  phone = chance (demo, 0.7) ? make_landline (demo, info->town) : make_mobile (demo);

  sm_record_set_string (record, SM_COMPANY_FIELD_NAME, name);
  sm_record_set_string (record, SM_COMPANY_FIELD_KVK_NUMBER, kvk);
  sm_record_set_int (record, SM_COMPANY_FIELD_SBB_RECOGNISED, info->sbb);
  sm_record_set_int (record, SM_COMPANY_FIELD_SECTOR, info->sector);
  sm_record_set_string (record, SM_COMPANY_FIELD_STREET, street);
  sm_record_set_string (record, SM_COMPANY_FIELD_POSTCODE, postcode);
  sm_record_set_string (record, SM_COMPANY_FIELD_CITY, demo_towns[info->town].name);
  sm_record_set_string (record, SM_COMPANY_FIELD_CONTACT_NAME, info->contact);
  sm_record_set_string (record, SM_COMPANY_FIELD_CONTACT_EMAIL, email);
  sm_record_set_string (record, SM_COMPANY_FIELD_CONTACT_PHONE, phone);

  sm_change_set_save (demo->changes, record);
  info->record = record;
}

/* Offers */

typedef enum
{
  OFFER_VMBO,
  OFFER_MBO,
  OFFER_HBO,
  OFFER_SECTOR_ONLY,
} OfferKind;

static void
offer_add_programme (OfferInfo *info,
                     guint      programme)
{
  for (guint i = 0; i < info->n_programmes; i++)
    if (info->programmes[i] == programme)
      return;
  if (info->n_programmes < G_N_ELEMENTS (info->programmes))
    info->programmes[info->n_programmes++] = programme;
}

/* Adds up to @n more programmes of the same sector and education whose
 * level the offer accepts. */
static void
offer_add_related (Demo      *demo,
                   OfferInfo *info,
                   GArray    *candidates,
                   guint      n)
{
  for (guint tries = 0; tries < 2 * n && info->n_programmes < 1 + n; tries++)
    {
      guint p = g_array_index (candidates, guint, rand_below (demo, candidates->len));
      const DemoProgramme *programme = &demo_programmes[p];
      SmLevel level;

      if (programme->education == SM_EDUCATION_MBO)
        level = SM_LEVEL_MBO_1 + programme->level - 1;
      else if (programme->education == SM_EDUCATION_HBO)
        level = programme->level ? SM_LEVEL_HBO_BACHELOR : SM_LEVEL_HBO_AD;
      else
        level = SM_LEVEL_VMBO_BB;
      if (programme->education == SM_EDUCATION_VMBO || (info->levels & (1u << level)))
        offer_add_programme (info, p);
    }
}

static char *
lower_first (const char *text)
{
  gunichar c = g_utf8_get_char (text);
  const char *rest = g_utf8_next_char (text);
  char buffer[8];
  int len;

  /* Keep "HBO-ICT" and "ICT" as they are. */
  if (g_unichar_isupper (g_utf8_get_char (rest)))
    return g_strdup (text);
  len = g_unichar_to_utf8 (g_unichar_tolower (c), buffer);
  return g_strdup_printf ("%.*s%s", len, buffer, rest);
}

static void
add_offer (Demo      *demo,
           OfferInfo *info,
           guint      company)
{
  g_autoptr(SmOffer) offer = sm_offer_new ();
  SmRecord *record = SM_RECORD (offer);
  CompanyInfo *owner = &demo->companies[company];
  g_autoptr(GStrvBuilder) programmes_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) requirements_builder = g_strv_builder_new ();
  g_auto(GStrv) programme_list = NULL;
  g_auto(GStrv) requirement_list = NULL;
  g_autofree char *title = NULL;
  g_autofree char *postcode = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  OfferKind kind;
  int weeks, min_weeks, hours;
  guint town;
  gboolean licence, vog;
  double r;

  info->company = company;
  info->sector = chance (demo, 0.92)
    ? owner->sector
    : (SmSector) pick_weighted (demo, sector_weight, SM_N_SECTORS, demo->sector_total);
  info->pathways = SM_PATHWAY_FLAG_BOL | SM_PATHWAY_FLAG_BBL;

  /* Only an SBB-recognised company may train mbo students. */
  r = g_rand_double (demo->rand);
  if (r < 0.08)
    kind = OFFER_SECTOR_ONLY;
  else if (r < 0.30)
    kind = OFFER_VMBO;
  else if (r < 0.83)
    kind = OFFER_MBO;
  else
    kind = OFFER_HBO;
  if (kind == OFFER_MBO && !owner->sbb)
    kind = chance (demo, 0.5) ? OFFER_VMBO : OFFER_HBO;
  if (kind == OFFER_VMBO && demo->by_sector[info->sector][SM_EDUCATION_VMBO]->len == 0)
    kind = owner->sbb ? OFFER_MBO : OFFER_SECTOR_ONLY;
  if (kind == OFFER_HBO && demo->by_sector[info->sector][SM_EDUCATION_HBO]->len == 0)
    kind = owner->sbb ? OFFER_MBO : OFFER_SECTOR_ONLY;

  switch (kind)
    {
    case OFFER_VMBO:
      {
        GArray *candidates = demo->by_sector[info->sector][SM_EDUCATION_VMBO];
        guint p = pick_programme (demo, candidates);
        g_autofree char *name = lower_first (demo_programmes[p].name);

        r = g_rand_double (demo->rand);
        if (r < 0.4)
          info->levels = SM_LEVEL_FLAG_VMBO_BB | SM_LEVEL_FLAG_VMBO_KB;
        else if (r < 0.6)
          info->levels = SM_LEVEL_FLAG_VMBO_GL | SM_LEVEL_FLAG_VMBO_TL;
        else
          info->levels = SM_LEVEL_FLAG_VMBO_BB | SM_LEVEL_FLAG_VMBO_KB | SM_LEVEL_FLAG_VMBO_GL | SM_LEVEL_FLAG_VMBO_TL;
        offer_add_programme (info, p);
        if (chance (demo, 0.2))
          offer_add_related (demo, info, candidates, 1);
        if (chance (demo, 0.7))
          {
            info->period = &PICK (demo, vmbo_periods);
            weeks = period_weeks (info->period);
            min_weeks = MAX (1, weeks - 2);
          }
        else
          {
            info->period = &full_year;
            weeks = 4;
            min_weeks = 2;
          }
        hours = 16 + 4 * rand_between (demo, 0, 4);
        title = g_strdup_printf ("%s %s", weeks <= 2 ? "Snuffelstage" : "Beroepsoriënterende stage", name);
      }
      break;

    case OFFER_MBO:
      {
        GArray *candidates = demo->by_sector[info->sector][SM_EDUCATION_MBO];
        guint p = pick_programme (demo, candidates);
        guint level = demo_programmes[p].level;

        info->levels = 1u << (SM_LEVEL_MBO_1 + level - 1);
        if (level < 4 && chance (demo, 0.25))
          info->levels |= 1u << (SM_LEVEL_MBO_1 + level);
        else if (level > 2 && chance (demo, 0.2))
          info->levels |= 1u << (SM_LEVEL_MBO_1 + level - 2);
        offer_add_programme (info, p);
        offer_add_related (demo, info, candidates, rand_between (demo, 0, 2));

        r = g_rand_double (demo->rand);
        if (level >= 2 && r < 0.12)
          {
            /* A work-based place: a job for the whole year. */
            info->pathways = SM_PATHWAY_FLAG_BBL;
            info->period = &full_year;
            weeks = period_weeks (info->period);
            min_weeks = 30;
            title = g_strdup_printf ("BBL-leerbaan %s", demo_programmes[p].name);
          }
        else
          {
            if (r < 0.25)
              info->pathways = SM_PATHWAY_FLAG_BOL;
            if (chance (demo, 0.65))
              {
                info->period = &PICK (demo, mbo_periods);
                weeks = period_weeks (info->period);
                min_weeks = MAX (6, weeks / 2);
              }
            else
              {
                info->period = &full_year;
                weeks = 20;
                min_weeks = 10;
              }
            title = g_strdup_printf ("Stage %s", demo_programmes[p].name);
          }
        hours = 24 + 4 * rand_between (demo, 0, 4);
      }
      break;

    case OFFER_HBO:
      {
        GArray *candidates = demo->by_sector[info->sector][SM_EDUCATION_HBO];
        guint p = pick_programme (demo, candidates);
        gboolean bachelor = demo_programmes[p].level != 0;

        info->levels = bachelor ? SM_LEVEL_FLAG_HBO_BACHELOR : SM_LEVEL_FLAG_HBO_AD;
        if (chance (demo, 0.3))
          info->levels = SM_LEVEL_FLAG_HBO_AD | SM_LEVEL_FLAG_HBO_BACHELOR;
        offer_add_programme (info, p);
        offer_add_related (demo, info, candidates, rand_between (demo, 0, 1));
        if (chance (demo, 0.7))
          {
            info->period = &PICK (demo, hbo_periods);
            weeks = period_weeks (info->period);
            min_weeks = weeks - 4;
          }
        else
          {
            info->period = &full_year;
            weeks = 20;
            min_weeks = 17;
          }
        hours = 32 + 4 * rand_between (demo, 0, 2);
        title = g_strdup_printf ("%s %s", bachelor && chance (demo, 0.5) ? "Afstudeerstage" : "Meewerkstage",
                                 demo_programmes[p].name);
      }
      break;

    case OFFER_SECTOR_ONLY:
    default:
      {
        static const guint spans[] = {
          SM_LEVEL_FLAG_VMBO_BB | SM_LEVEL_FLAG_VMBO_KB | SM_LEVEL_FLAG_VMBO_GL | SM_LEVEL_FLAG_VMBO_TL,
          SM_LEVEL_FLAG_MBO_2 | SM_LEVEL_FLAG_MBO_3,
          SM_LEVEL_FLAG_MBO_2 | SM_LEVEL_FLAG_MBO_3 | SM_LEVEL_FLAG_MBO_4,
          SM_LEVEL_FLAG_MBO_3 | SM_LEVEL_FLAG_MBO_4,
          SM_LEVEL_FLAG_MBO_4 | SM_LEVEL_FLAG_HBO_AD | SM_LEVEL_FLAG_HBO_BACHELOR,
        };
        g_autofree char *sector_name = g_utf8_strdown (sm_sector_get_name_for_language (info->sector, "nl"), -1);

        do
          info->levels = PICK (demo, spans);
        while (!owner->sbb && (info->levels & (SM_LEVEL_FLAG_MBO_1 | SM_LEVEL_FLAG_MBO_2 |
                                               SM_LEVEL_FLAG_MBO_3 | SM_LEVEL_FLAG_MBO_4)));
        info->period = &full_year;
        weeks = 20;
        min_weeks = 4;
        hours = 24 + 4 * rand_between (demo, 0, 4);
        title = g_strdup_printf ("Stageplaats %s", sector_name);
      }
      break;
    }

  weeks = rand_between (demo, MIN (min_weeks, weeks), weeks);
  info->places = 1 + (chance (demo, 0.45) ? rand_between (demo, 1, 3) : 0);

  for (guint i = 0; i < info->n_programmes; i++)
    g_strv_builder_add (programmes_builder, demo_programmes[info->programmes[i]].code);
  programme_list = g_strv_builder_end (programmes_builder);

  switch (info->sector)
    {
    case SM_SECTOR_LOGISTICS:
      licence = chance (demo, 0.25);
      vog = chance (demo, 0.05);
      if (chance (demo, 0.25))
        g_strv_builder_add (requirements_builder, "Heftruckcertificaat");
      break;
    case SM_SECTOR_CARE:
      licence = chance (demo, 0.15);
      vog = chance (demo, 0.9);
      break;
    case SM_SECTOR_EDUCATION:
      licence = FALSE;
      vog = TRUE;
      break;
    case SM_SECTOR_SECURITY:
      licence = chance (demo, 0.1);
      vog = chance (demo, 0.5);
      break;
    case SM_SECTOR_TECHNOLOGY:
    case SM_SECTOR_CONSTRUCTION:
      licence = chance (demo, 0.15);
      vog = FALSE;
      if (chance (demo, 0.3))
        g_strv_builder_add (requirements_builder, "VCA");
      break;
    default:
      licence = chance (demo, 0.03);
      vog = chance (demo, 0.05);
      break;
    }
  /* Nobody under eighteen holds a driving licence. */
  if (info->levels & ~(SM_LEVEL_FLAG_HBO_AD | SM_LEVEL_FLAG_HBO_BACHELOR | SM_LEVEL_FLAG_MBO_3 | SM_LEVEL_FLAG_MBO_4))
    licence = FALSE;
  if (chance (demo, 0.05))
    g_strv_builder_add (requirements_builder, "BHV");
  requirement_list = g_strv_builder_end (requirements_builder);

  if (chance (demo, 0.85))
    {
      postcode = g_strdup (sm_record_get_string (owner->record, SM_COMPANY_FIELD_POSTCODE));
      town = owner->town;
    }
  else
    postcode = make_postcode (demo, &town);

  g_string_append_printf (description, "Bij %s in %s werk je mee in een team van ervaren collega's. %s",
                          sm_record_get_string (owner->record, SM_COMPANY_FIELD_NAME),
                          demo_towns[town].name, sector_task[info->sector]);
  if (chance (demo, 0.6))
    g_string_append (description, " Je krijgt een vaste praktijkopleider die je begeleidt.");

  sm_record_set_string (record, SM_OFFER_FIELD_TITLE, title);
  sm_record_set_string (record, SM_OFFER_FIELD_DESCRIPTION, description->str);
  sm_record_set_int (record, SM_OFFER_FIELD_SECTOR, info->sector);
  sm_record_set_int (record, SM_OFFER_FIELD_LEVELS, info->levels);
  sm_record_set_int (record, SM_OFFER_FIELD_PATHWAYS, info->pathways);
  sm_record_set_strv (record, SM_OFFER_FIELD_PROGRAMMES, (const char * const *) programme_list);
  sm_record_set_string (record, SM_OFFER_FIELD_POSTCODE, postcode);
  sm_record_set_string (record, SM_OFFER_FIELD_START_DATE, info->period->start);
  sm_record_set_string (record, SM_OFFER_FIELD_END_DATE, info->period->end);
  sm_record_set_int (record, SM_OFFER_FIELD_REQUIRED_WEEKS, weeks);
  sm_record_set_int (record, SM_OFFER_FIELD_HOURS_PER_WEEK, hours);
  sm_record_set_int (record, SM_OFFER_FIELD_PLACES, info->places);
  sm_record_set_int (record, SM_OFFER_FIELD_REQUIRES_DRIVING_LICENCE, licence);
  sm_record_set_int (record, SM_OFFER_FIELD_REQUIRES_VOG, vog);
  sm_record_set_strv (record, SM_OFFER_FIELD_REQUIREMENTS, (const char * const *) requirement_list);
  sm_record_set_int (record, SM_OFFER_FIELD_STATUS, SM_OFFER_STATUS_OPEN);
  sm_record_set_int (record, SM_OFFER_FIELD_SELECTION_MODE,
                     chance (demo, 0.9) ? SM_SELECTION_MODE_ANONYMISED : SM_SELECTION_MODE_OPEN);

  /* Most offers name two or three skills of their sector that matching
   * can compare with the students' own. */
  if (chance (demo, 0.8))
    {
      g_autoptr(GStrvBuilder) skills_builder = g_strv_builder_new ();
      g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
      g_auto(GStrv) skill_list = NULL;

      add_skills (demo, skills_builder, &sector_skills[info->sector], (guint) rand_between (demo, 2, 3), chosen);
      skill_list = g_strv_builder_end (skills_builder);
      sm_record_set_strv (record, SM_OFFER_FIELD_SKILLS, (const char * const *) skill_list);
    }

  sm_change_set_save (demo->changes, record);
  sm_change_set_link (demo->changes, record, SM_OFFER_FIELD_COMPANY_ID, owner->record);
  info->record = record;

  for (guint l = 0; l < SM_N_LEVELS; l++)
    if (info->levels & (1u << l))
      {
        guint index = info - demo->offers;
        g_array_append_val (demo->offers_by_level[l], index);
      }
}

/* Placements and decisions */

/* Whether @offer could take @student: level, pathway, programme or
 * sector, and an overlap of their periods. */
static gboolean
offer_fits (const OfferInfo   *offer,
            const StudentInfo *student)
{
  gboolean programme_fits = offer->n_programmes == 0 && offer->sector == demo_programmes[student->programme].sector;

  if (!(offer->levels & (1u << student->level)))
    return FALSE;
  if (student->pathway == SM_PATHWAY_BOL && !(offer->pathways & SM_PATHWAY_FLAG_BOL))
    return FALSE;
  if (student->pathway == SM_PATHWAY_BBL && !(offer->pathways & SM_PATHWAY_FLAG_BBL))
    return FALSE;
  for (guint i = 0; i < offer->n_programmes && !programme_fits; i++)
    programme_fits = offer->programmes[i] == student->programme;
  if (!programme_fits)
    return FALSE;
  return strcmp (offer->period->start, student->period->end) <= 0 &&
         strcmp (student->period->start, offer->period->end) <= 0;
}

/* A random offer that fits @student, or -1. */
static int
find_offer (Demo              *demo,
            const StudentInfo *student,
            gboolean           need_place)
{
  GArray *candidates = demo->offers_by_level[student->level];

  if (candidates->len == 0)
    return -1;
  for (guint tries = 0; tries < 40; tries++)
    {
      guint index = g_array_index (candidates, guint, rand_below (demo, candidates->len));
      OfferInfo *offer = &demo->offers[index];

      if ((!need_place || offer->used < offer->places) && offer_fits (offer, student))
        return (int) index;
    }
  return -1;
}

static char *
make_candidate_code (Demo *demo)
{
  /* No 0/O, 1/I/L: codes are read aloud and typed over. */
  static const char alphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  /* Four characters give 923,521 codes; a huge demo uses six. */
  guint length = g_hash_table_size (demo->used_codes) < 300000 ? 4 : 6;
  char code[9] = "K-";

  for (;;)
    {
      for (guint i = 0; i < length; i++)
        code[2 + i] = alphabet[rand_below (demo, sizeof alphabet - 1)];
      code[2 + length] = '\0';
      if (!g_hash_table_contains (demo->used_codes, code))
        {
          g_hash_table_add (demo->used_codes, g_string_chunk_insert (demo->strings, code));
          return g_strdup (code);
        }
    }
}

/* A moment in the first weeks of the school year, before the demo's
 * today, in UTC. */
static char *
make_decided_at (Demo *demo,
                 int   min_day,
                 int   max_day)
{
  GDate date;
  char day[16];

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 14, G_DATE_SEPTEMBER, 2026);
  g_date_add_days (&date, rand_between (demo, min_day, max_day));
  g_snprintf (day, sizeof day, "%04u-%02u-%02u",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
  return g_strdup_printf ("%sT%02d:%02d:00Z", day, rand_between (demo, 7, 15), rand_between (demo, 0, 59));
}

static void
add_preference (Demo        *demo,
                StudentInfo *student,
                OfferInfo   *offer,
                guint        rank)
{
  g_autoptr(SmPreference) preference = sm_preference_new (0, 0, SM_PREFERENCE_SIDE_STUDENT, rank);

  sm_change_set_save (demo->changes, SM_RECORD (preference));
  sm_change_set_link (demo->changes, SM_RECORD (preference), SM_PREFERENCE_FIELD_STUDENT_ID, student->record);
  sm_change_set_link (demo->changes, SM_RECORD (preference), SM_PREFERENCE_FIELD_OFFER_ID, offer->record);
}

static void
add_decision (Demo           *demo,
              StudentInfo    *student,
              OfferInfo      *offer,
              SmDecisionKind  kind,
              const char     *code,
              int             min_day,
              int             max_day)
{
  g_autoptr(SmDecision) decision = sm_decision_new ();
  SmRecord *record = SM_RECORD (decision);
  g_autofree char *decided_at = make_decided_at (demo, min_day, max_day);

  sm_record_set_string (record, SM_DECISION_FIELD_CANDIDATE_CODE, code);
  sm_record_set_int (record, SM_DECISION_FIELD_KIND, kind);
  if (kind == SM_DECISION_REJECT)
    sm_record_set_string (record, SM_DECISION_FIELD_REASON, PICK (demo, reject_reasons));
  if (chance (demo, 0.25))
    sm_record_set_string (record, SM_DECISION_FIELD_NOTE, PICK (demo, decision_notes));
  sm_record_set_string (record, SM_DECISION_FIELD_DECIDED_BY, demo->companies[offer->company].contact);
  sm_record_set_string (record, SM_DECISION_FIELD_DECIDED_AT, decided_at);

  sm_change_set_save (demo->changes, record);
  sm_change_set_link (demo->changes, record, SM_DECISION_FIELD_OFFER_ID, offer->record);
  sm_change_set_link (demo->changes, record, SM_DECISION_FIELD_STUDENT_ID, student->record);
}

#define MAX_DATE(a, b) (strcmp ((a), (b)) >= 0 ? (a) : (b))
#define MIN_DATE(a, b) (strcmp ((a), (b)) <= 0 ? (a) : (b))

static void
add_placement (Demo        *demo,
               StudentInfo *student,
               OfferInfo   *offer)
{
  g_autoptr(SmPlacement) placement = sm_placement_new ();
  SmRecord *record = SM_RECORD (placement);
  g_auto(DemoPerson) mentor = { NULL };
  g_autofree char *mentor_name = NULL;
  g_autofree char *code = make_candidate_code (demo);
  /* ISO dates compare as text: the overlap of both periods. */
  const char *start = MAX_DATE (offer->period->start, student->period->start);
  const char *end = MIN_DATE (offer->period->end, student->period->end);
  char today[16];
  gboolean started;

  g_snprintf (today, sizeof today, "%04d-%02d-%02d", DEMO_TODAY_YEAR, DEMO_TODAY_MONTH, DEMO_TODAY_DAY);
  started = strcmp (start, today) <= 0 && chance (demo, 0.8);

  make_person (demo, &mentor);
  mentor_name = person_full_name (&mentor);

  sm_record_set_int (record, SM_PLACEMENT_FIELD_STATUS,
                     started ? SM_PLACEMENT_STATUS_STARTED : SM_PLACEMENT_STATUS_CONFIRMED);
  sm_record_set_string (record, SM_PLACEMENT_FIELD_START_DATE, start);
  sm_record_set_string (record, SM_PLACEMENT_FIELD_END_DATE, end);
  sm_record_set_string (record, SM_PLACEMENT_FIELD_COMPANY_MENTOR, mentor_name);
  sm_record_set_string (record, SM_PLACEMENT_FIELD_SUPERVISOR, student->supervisor);
  /* The agreement must be signed before an internship starts. */
  sm_record_set_int (record, SM_PLACEMENT_FIELD_AGREEMENT_SIGNED, started || chance (demo, 0.5));
  sm_record_set_int (record, SM_PLACEMENT_FIELD_LOCKED, TRUE);

  sm_change_set_save (demo->changes, record);
  sm_change_set_link (demo->changes, record, SM_PLACEMENT_FIELD_STUDENT_ID, student->record);
  sm_change_set_link (demo->changes, record, SM_PLACEMENT_FIELD_OFFER_ID, offer->record);

  /* The company invited and then accepted the candidate. */
  add_decision (demo, student, offer, SM_DECISION_INVITE, code, 0, 29);
  add_decision (demo, student, offer, SM_DECISION_ACCEPT, code, 30, 60);

  student->placed = TRUE;
  offer->used++;
}

static void
add_placements_and_decisions (Demo *demo)
{
  for (guint i = 0; i < demo->n_students; i++)
    {
      StudentInfo *student = &demo->students[i];
      int index;

      if (!chance (demo, 0.05))
        continue;
      index = find_offer (demo, student, TRUE);
      if (index >= 0)
        add_placement (demo, student, &demo->offers[index]);
    }

  /* Earlier rounds of selection for some of the students who are not
   * placed yet: invitations, reserves and rejections with a reason. */
  for (guint i = 0; i < demo->n_students; i++)
    {
      StudentInfo *student = &demo->students[i];

      if (student->placed || !chance (demo, 0.08))
        continue;
      for (int n = rand_between (demo, 1, 3); n > 0; n--)
        {
          int index = find_offer (demo, student, FALSE);
          g_autofree char *code = NULL;
          double r = g_rand_double (demo->rand);
          SmDecisionKind kind;

          if (index < 0)
            break;
          if (r < 0.4)
            kind = SM_DECISION_INVITE;
          else if (r < 0.55)
            kind = SM_DECISION_RESERVE;
          else if (r < 0.95)
            kind = SM_DECISION_REJECT;
          else
            kind = SM_DECISION_DECLINED;
          code = make_candidate_code (demo);
          add_decision (demo, student, &demo->offers[index], kind, code, 0, 60);
        }
    }

  /* A quarter of the students who are not placed ranked up to three
   * offers that could take them; matching counts those choices. */
  for (guint i = 0; i < demo->n_students; i++)
    {
      StudentInfo *student = &demo->students[i];
      int ranked[3] = { -1, -1, -1 };
      guint n = 0;

      if (student->placed || !chance (demo, 0.25))
        continue;
      for (int tries = rand_between (demo, 1, 3); tries > 0; tries--)
        {
          int index = find_offer (demo, student, FALSE);

          if (index < 0 || index == ranked[0] || index == ranked[1])
            continue;
          ranked[n++] = index;
          add_preference (demo, student, &demo->offers[index], n);
        }
    }
}

/**
 * sm_demo_generate:
 * @store: an empty store
 * @options: how much to make, and the seed
 *
 * Fills @store with a fictional school year: programmes, students of
 * every level, companies, offers, some placements and selection
 * decisions, and a PC4 coordinate table for the Rotterdam/Den Haag region.
 * The same seed gives the same data. All records are written in one
 * transaction; the postcode areas are replaced afterwards, in a second
 * one, so that a refused set leaves the store as it was. If that second
 * step fails the records stay and @error says why.
 *
 * The student numbers and KvK numbers of a seed are always the same, so
 * a second run with the same seed on the same store is refused as a
 * conflict.
 *
 * Returns: %TRUE if everything was stored
 */
gboolean
sm_demo_generate (SmStore              *store,
                  const SmDemoOptions  *options,
                  GError              **error)
{
  g_autoptr(Demo) demo = NULL;
  guint32 seed[2];

  g_return_val_if_fail (SM_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options->n_students > DEMO_MAX_RECORDS || options->n_offers > DEMO_MAX_RECORDS)
    {
      g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID,
                   _("Demo data: %u students and %u offers is too many; make at most %u of each"),
                   options->n_students, options->n_offers, DEMO_MAX_RECORDS);
      return FALSE;
    }

  demo = g_new0 (Demo, 1);
  seed[0] = (guint32) (options->seed & 0xffffffff);
  seed[1] = (guint32) (options->seed >> 32);
  demo->rand = g_rand_new_with_seed_array (seed, G_N_ELEMENTS (seed));
  demo->changes = sm_change_set_new ();
  demo->used_numbers = g_hash_table_new (NULL, NULL);
  /* The sets' strings live in one chunk: tens of thousands of small
   * frees would cost more than making the data. */
  demo->strings = g_string_chunk_new (64 * 1024);
  demo->used_emails = g_hash_table_new (g_str_hash, g_str_equal);
  demo->used_kvk = g_hash_table_new (NULL, NULL);
  demo->used_company_names = g_hash_table_new (g_str_hash, g_str_equal);
  demo->branches = g_hash_table_new (g_str_hash, g_str_equal);
  demo->used_codes = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (demo_names); i++)
    demo->names_total += demo_names[i].weight;
  for (guint i = 0; i < SM_N_SECTORS; i++)
    demo->sector_total += sector_weight[i];
  for (guint i = 0; i < SM_N_LEVELS; i++)
    demo->offers_by_level[i] = g_array_new (FALSE, FALSE, sizeof (guint));

  build_areas (demo);
  add_programmes (demo);

  /* Companies first: offers and decisions refer to them. */
  demo->n_students = options->n_students;
  demo->n_offers = options->n_offers;
  demo->n_companies = MAX (1, options->n_offers / 2);
  demo->students = g_new0 (StudentInfo, MAX (1, demo->n_students));
  demo->companies = g_new0 (CompanyInfo, demo->n_companies);
  demo->offers = g_new0 (OfferInfo, MAX (1, demo->n_offers));

  for (guint i = 0; i < demo->n_companies; i++)
    add_company (demo, &demo->companies[i]);
  for (guint i = 0; i < demo->n_students; i++)
    add_student (demo, &demo->students[i]);
  /* Every company has at least one offer; the rest are spread at random. */
  for (guint i = 0; i < demo->n_offers; i++)
    add_offer (demo, &demo->offers[i], i < demo->n_companies ? i : rand_below (demo, demo->n_companies));
  add_placements_and_decisions (demo);

  if (!sm_store_apply (store, demo->changes, error))
    return FALSE;

  return sm_store_replace_postcode_areas (store, demo->areas, error);
}
