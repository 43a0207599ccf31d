/**
 * A name as written on the document, plus a Latin spelling for names whose script cannot appear
 * in an email address. Latin-script names are a plain string: their ASCII form is derived.
 */
export type NamePart = string | readonly [native: string, latin: string];

export interface NameGroup {
  /** ISO 3166-1 alpha-3 countries whose documents carry names like these. */
  countries: readonly string[];
  /** Relative share of users. */
  weight: number;
  given: readonly NamePart[];
  family: readonly NamePart[];
  /** East Asian and Vietnamese order: family name first. */
  familyFirst?: boolean;
  /** Chinese and Korean names are written without a space. */
  joiner?: string;
  /** Documents here often print a middle name. */
  middleNames?: boolean;
  /** Spanish documents carry both surnames. */
  twoFamilyNames?: boolean;
  /** Share of documents that print the native script rather than a transliteration. */
  nativeScriptShare?: number;
}

export const NAME_GROUPS: readonly NameGroup[] = [
  {
    countries: ["USA", "GBR", "CAN", "AUS", "IRL", "NZL"],
    weight: 30,
    middleNames: true,
    given: [
      "John",
      "Michael",
      "Emily",
      "Olivia",
      "James",
      "Sarah",
      "David",
      "Jessica",
      "Daniel",
      "Ashley",
      "Liam",
      "Noah",
      "Emma",
      "Ava",
      "Ethan",
      "Grace",
      "Ryan",
      "Hannah",
    ],
    family: [
      "Smith",
      "Johnson",
      "Williams",
      "Brown",
      "Jones",
      "Miller",
      "Davis",
      "Wilson",
      "Taylor",
      "Anderson",
      "Thomas",
      "Moore",
      "Clark",
      "O'Brien",
      "Walsh",
      "MacDonald",
    ],
  },
  {
    countries: ["ESP", "MEX", "ARG", "COL", "CHL", "PER"],
    weight: 14,
    given: [
      "José",
      "María",
      "Lucía",
      "Sofía",
      "Andrés",
      "Martín",
      "Ramón",
      "Inés",
      "Jesús",
      "Álvaro",
      "Begoña",
      "Íñigo",
      "Nerea",
      "José Luis",
      "María Ángeles",
    ],
    family: [
      "García",
      "Martínez",
      "Rodríguez",
      "Fernández",
      "López",
      "Sánchez",
      "Pérez",
      "Gómez",
      "Núñez",
      "Peña",
      "Ibáñez",
      "Muñoz",
      "Castañeda",
      "Ordóñez",
      "Ñíguez",
    ],
    twoFamilyNames: true,
  },
  {
    countries: ["BRA", "PRT"],
    weight: 8,
    given: ["João", "Conceição", "Luís", "Gonçalo", "Inês", "Sebastião", "Thaís", "Antônio"],
    family: ["Silva", "Gonçalves", "Magalhães", "Araújo", "Simões", "Brandão", "Pereira"],
  },
  {
    countries: ["FRA", "BEL"],
    weight: 6,
    given: ["Zoë", "Chloé", "Hélène", "François", "Anaïs", "Jérôme", "Noël", "Cécile", "Loïc"],
    family: ["Lefèvre", "Dubois", "Moreau", "Girard", "Bérubé", "Lemaître", "Rousseau"],
  },
  {
    countries: ["DEU", "AUT", "CHE"],
    weight: 6,
    given: ["Jürgen", "Jörg", "Björn", "Käthe", "Lukas", "Anna", "Günther", "Sören"],
    family: ["Müller", "Schröder", "Groß", "Weiß", "Köhler", "Fischer", "Schäfer"],
  },
  {
    countries: ["ITA"],
    weight: 3,
    given: ["Giulia", "Matteo", "Francesca", "Niccolò", "Chiara", "Lorenzo"],
    family: ["Rossi", "Esposito", "Bianchi", "Russo", "Colombo", "De Luca", "D'Angelo"],
  },
  {
    countries: ["POL", "CZE"],
    weight: 4,
    given: ["Łukasz", "Wojciech", "Małgorzata", "Zofia", "Paweł", "Michał", "Ondřej", "Jiří"],
    family: ["Wójcik", "Kowalczyk", "Łukaszewicz", "Dvořák", "Nowak", "Szczęsny", "Kučera"],
  },
  {
    countries: ["SWE", "NOR", "DNK", "FIN"],
    weight: 3,
    given: ["Åsa", "Søren", "Øyvind", "Björn", "Märta", "Aino"],
    family: ["Ångström", "Sørensen", "Lindqvist", "Kärkkäinen", "Ødegaard"],
  },
  {
    countries: ["TUR"],
    weight: 3,
    given: ["Şükrü", "İbrahim", "Çağla", "Gülşen", "Özge", "Mehmet", "Ayşe"],
    family: ["Çelik", "Yılmaz", "Öztürk", "Şahin", "Doğan", "Güneş"],
  },
  {
    countries: ["NGA", "KEN", "ZAF", "GHA"],
    weight: 3,
    given: ["Chinedu", "Ngozi", "Oluwaseun", "Amara", "Kwame", "Wanjiru"],
    family: ["Okafor", "Adeyemi", "Mensah", "Ochieng", "Nkosi", "Eze"],
  },
  {
    countries: ["VNM"],
    weight: 2,
    given: ["Thị Hương", "Văn Minh", "Thị Thảo", "Văn Dũng", "Phương"],
    family: ["Nguyễn", "Trần", "Lê", "Phạm", "Đặng"],
    familyFirst: true,
  },
  {
    countries: ["UKR", "BGR", "KAZ", "SRB"],
    weight: 4,
    given: [
      ["Олександр", "oleksandr"],
      ["Олена", "olena"],
      ["Дмитро", "dmytro"],
      ["Наталія", "nataliia"],
      ["Іван", "ivan"],
      ["Марія", "mariia"],
      ["Георги", "georgi"],
      ["Андрій", "andrii"],
    ],
    family: [
      ["Шевченко", "shevchenko"],
      ["Коваленко", "kovalenko"],
      ["Бондаренко", "bondarenko"],
      ["Петров", "petrov"],
      ["Ткаченко", "tkachenko"],
    ],
    nativeScriptShare: 0.7,
  },
  {
    countries: ["GRC", "CYP"],
    weight: 2,
    given: [
      ["Γιώργος", "giorgos"],
      ["Μαρία", "maria"],
      ["Δημήτρης", "dimitris"],
      ["Ελένη", "eleni"],
      ["Αικατερίνη", "aikaterini"],
    ],
    family: [
      ["Παπαδόπουλος", "papadopoulos"],
      ["Οικονόμου", "oikonomou"],
      ["Γεωργίου", "georgiou"],
      ["Νικολάου", "nikolaou"],
    ],
    nativeScriptShare: 0.7,
  },
  {
    countries: ["ARE", "SAU", "EGY", "MAR", "JOR"],
    weight: 4,
    given: [
      ["محمد", "mohammed"],
      ["فاطمة", "fatima"],
      ["أحمد", "ahmed"],
      ["مريم", "maryam"],
      ["يوسف", "youssef"],
      ["ليلى", "layla"],
      ["عمر", "omar"],
    ],
    family: [
      ["العلي", "alali"],
      ["حسن", "hassan"],
      ["المنصوري", "almansouri"],
      ["خليل", "khalil"],
      ["الزهراني", "alzahrani"],
    ],
    nativeScriptShare: 0.6,
  },
  {
    countries: ["CHN", "TWN", "HKG"],
    weight: 4,
    given: [
      ["伟", "wei"],
      ["芳", "fang"],
      ["秀英", "xiuying"],
      ["敏", "min"],
      ["静", "jing"],
      ["子涵", "zihan"],
      ["浩然", "haoran"],
    ],
    family: [
      ["王", "wang"],
      ["李", "li"],
      ["张", "zhang"],
      ["刘", "liu"],
      ["陈", "chen"],
      ["黄", "huang"],
    ],
    familyFirst: true,
    joiner: "",
    nativeScriptShare: 0.7,
  },
  {
    countries: ["JPN"],
    weight: 2,
    given: [
      ["花子", "hanako"],
      ["翔太", "shota"],
      ["さくら", "sakura"],
      ["結衣", "yui"],
      ["大輔", "daisuke"],
    ],
    family: [
      ["佐藤", "sato"],
      ["鈴木", "suzuki"],
      ["高橋", "takahashi"],
      ["田中", "tanaka"],
      ["渡辺", "watanabe"],
    ],
    familyFirst: true,
    nativeScriptShare: 0.7,
  },
  {
    countries: ["KOR"],
    weight: 2,
    given: [
      ["민준", "minjun"],
      ["서연", "seoyeon"],
      ["지훈", "jihoon"],
      ["하은", "haeun"],
    ],
    family: [
      ["김", "kim"],
      ["이", "lee"],
      ["박", "park"],
      ["최", "choi"],
    ],
    familyFirst: true,
    joiner: "",
    nativeScriptShare: 0.7,
  },
  {
    countries: ["IND", "NPL"],
    weight: 4,
    given: [
      ["अर्जुन", "arjun"],
      ["प्रिया", "priya"],
      ["राहुल", "rahul"],
      ["अनन्या", "ananya"],
      ["विक्रम", "vikram"],
      ["आदित्य", "aditya"],
    ],
    family: [
      ["शर्मा", "sharma"],
      ["वर्मा", "verma"],
      ["गुप्ता", "gupta"],
      ["पटेल", "patel"],
      ["सिंह", "singh"],
    ],
    // Indian passports print Latin script; the Devanagari rows stand for regional documents.
    nativeScriptShare: 0.4,
  },
];
