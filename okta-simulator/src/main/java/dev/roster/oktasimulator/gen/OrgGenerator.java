package dev.roster.oktasimulator.gen;

import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.internal.Ids;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A realistic org from a seed: same seed, same users (ids included). The hierarchy is a tree with about six
 * reports per manager, the first user being the CEO. Values come from shared pools so 100,000 users stay
 * small in memory.
 */
public final class OrgGenerator {
    /** What managerId holds: Okta documents the id; HR-sourced orgs often put one of the others there. */
    public enum ManagerRef { ID, LOGIN, EMAIL, EMPLOYEE_NUMBER }

    private static final String[] FIRST = {"Olivia", "Liam", "Amelia", "Noah", "Isla", "Oliver", "Ava", "Elijah",
        "Mia", "James", "Sofia", "Lucas", "Chloe", "Mateo", "Aisha", "Mohammed", "Yuki", "Haruto", "Priya", "Arjun",
        "Zoe", "Leon", "Emma", "Hugo", "Ines", "Lars", "Freya", "Sven", "Chiara", "Marco", "Ana", "Diego", "Fatima",
        "Omar", "Mei", "Wei", "Grace", "Samuel", "Lena", "Felix", "Nora", "Theo", "Camille", "Louis", "Aoife",
        "Sean", "Kofi", "Amara", "Ravi", "Ananya", "Jan", "Eva", "Pedro", "Lucia", "Tom", "Ella", "Jack", "Ruby"};
    private static final String[] LAST = {"Smith", "Jones", "Williams", "Brown", "Taylor", "Davies", "Evans",
        "Wilson", "Johnson", "Garcia", "Martinez", "Rodriguez", "Müller", "Schmidt", "Schneider", "Fischer",
        "Dubois", "Martin", "Bernard", "Rossi", "Russo", "Ferrari", "Silva", "Santos", "Oliveira", "Tanaka",
        "Suzuki", "Sato", "Kim", "Lee", "Park", "Chen", "Wang", "Li", "Patel", "Sharma", "Singh", "Khan", "Ahmed",
        "O'Brien", "Murphy", "Kelly", "Andersson", "Johansson", "Nielsen", "Jansen", "de Vries", "Novak",
        "Kowalski", "Nowak", "Okafor", "Mensah", "Haddad", "Cohen", "Levi", "Nguyen", "Tran", "Lopez", "Hughes"};
    private static final String[] PREFIXES = {"Mr.", "Ms.", "Mrs.", "Dr.", "Mx."};
    private static final String[] STREETS = {"High Street", "Station Road", "Main Street", "Park Avenue",
        "Church Lane", "Mill Road", "King Street", "Queen's Road", "Market Street", "Bridge Street"};
    private static final String[][] DEPARTMENTS = {
        {"Engineering", "ENG", "Software Engineer", "Senior Software Engineer", "Staff Engineer",
            "Engineering Manager", "QA Engineer", "Site Reliability Engineer"},
        {"Sales", "SAL", "Account Executive", "Sales Development Representative", "Sales Manager",
            "Solutions Consultant"},
        {"Marketing", "MKT", "Marketing Manager", "Content Strategist", "Product Marketing Manager",
            "Growth Analyst"},
        {"Finance", "FIN", "Financial Analyst", "Accountant", "Controller", "Payroll Specialist"},
        {"People", "HR", "People Partner", "Recruiter", "Talent Acquisition Lead", "People Operations Specialist"},
        {"Operations", "OPS", "Operations Manager", "Office Manager", "IT Support Specialist", "Facilities Lead"},
        {"Customer Success", "CS", "Customer Success Manager", "Support Engineer", "Support Team Lead",
            "Onboarding Specialist"},
        {"Product", "PRD", "Product Manager", "Senior Product Manager", "Product Designer", "UX Researcher"},
        {"Legal", "LEG", "Legal Counsel", "Paralegal", "Compliance Officer"},
    };
    /** city, state, countryCode, timezone, preferredLanguage, locale, phone prefix. */
    private static final String[][] CITIES = {
        {"London", "England", "GB", "Europe/London", "en-GB", "en_GB", "+44 20 7946 "},
        {"Manchester", "England", "GB", "Europe/London", "en-GB", "en_GB", "+44 161 496 "},
        {"Dublin", "Leinster", "IE", "Europe/Dublin", "en-IE", "en_IE", "+353 1 555 "},
        {"New York", "NY", "US", "America/New_York", "en-US", "en_US", "+1 212 555 "},
        {"San Francisco", "CA", "US", "America/Los_Angeles", "en-US", "en_US", "+1 415 555 "},
        {"Austin", "TX", "US", "America/Chicago", "en-US", "en_US", "+1 512 555 "},
        {"Toronto", "ON", "CA", "America/Toronto", "en-CA", "en_CA", "+1 416 555 "},
        {"Berlin", "Berlin", "DE", "Europe/Berlin", "de-DE", "de_DE", "+49 30 5555 "},
        {"Munich", "Bavaria", "DE", "Europe/Berlin", "de-DE", "de_DE", "+49 89 5555 "},
        {"Paris", "Île-de-France", "FR", "Europe/Paris", "fr-FR", "fr_FR", "+33 1 55 55 "},
        {"Madrid", "Madrid", "ES", "Europe/Madrid", "es-ES", "es_ES", "+34 91 555 "},
        {"Amsterdam", "North Holland", "NL", "Europe/Amsterdam", "nl-NL", "nl_NL", "+31 20 555 "},
        {"Stockholm", "Stockholm", "SE", "Europe/Stockholm", "sv-SE", "sv_SE", "+46 8 555 "},
        {"Sydney", "NSW", "AU", "Australia/Sydney", "en-AU", "en_AU", "+61 2 5550 "},
        {"Tokyo", "Tokyo", "JP", "Asia/Tokyo", "ja-JP", "ja_JP", "+81 3 5555 "},
        {"São Paulo", "SP", "BR", "America/Sao_Paulo", "pt-BR", "pt_BR", "+55 11 5555 "},
        {"Bengaluru", "Karnataka", "IN", "Asia/Kolkata", "en-IN", "en_IN", "+91 80 5555 "},
    };

    private final long seed;
    private final String domain;
    private final String orgUrl;
    private final ManagerRef managerRef;
    private final double inactiveShare;

    public OrgGenerator(long seed, String domain, String orgUrl, ManagerRef managerRef) {
        this(seed, domain, orgUrl, managerRef, 0);
    }

    /** inactiveShare of the users (never the CEO) get one of Okta's other statuses, with fitting timestamps. */
    public OrgGenerator(long seed, String domain, String orgUrl, ManagerRef managerRef, double inactiveShare) {
        this.seed = seed;
        this.domain = domain;
        this.orgUrl = orgUrl;
        this.managerRef = managerRef;
        this.inactiveShare = inactiveShare;
    }

    /** Other statuses, weighted roughly as in a real org: mostly deactivated, some suspended, a few others. */
    private static final String[] OTHER_STATUSES = {"DEPROVISIONED", "DEPROVISIONED", "DEPROVISIONED",
        "DEPROVISIONED", "SUSPENDED", "SUSPENDED", "STAGED", "PROVISIONED", "LOCKED_OUT", "PASSWORD_EXPIRED",
        "RECOVERY"};

    public static List<String> departments() {
        List<String> names = new ArrayList<>();
        for (String[] d : DEPARTMENTS) {
            names.add(d[0]);
        }
        return names;
    }

    public List<OktaUser> generate(int count, long now) {
        Random random = new Random(seed);
        Set<String> ids = new HashSet<>(count * 2);
        Map<String, Integer> loginCounts = new HashMap<>();
        String[] id = new String[count];
        String[] login = new String[count];
        String[] display = new String[count];
        String[] employeeNumber = new String[count];
        for (int i = 0; i < count; i++) {
            String candidate;
            do {
                candidate = Ids.okta("00u", random);
            } while (!ids.add(candidate));
            id[i] = candidate;
        }
        List<OktaUser> users = new ArrayList<>(count);
        // A separate sequence: the share of other statuses does not change anyone's profile.
        Random statuses = new Random(seed * 31 + 7);
        long earliest = LocalDate.of(2012, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        for (int i = 0; i < count; i++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String base = ASCII.computeIfAbsent(first, OrgGenerator::ascii) + "."
                    + ASCII.computeIfAbsent(last, OrgGenerator::ascii);
            int n = loginCounts.merge(base, 1, Integer::sum);
            login[i] = (n == 1 ? base : base + n) + "@" + domain;
            display[i] = first + " " + last;
            employeeNumber[i] = String.valueOf(100_000 + i);
            String[] dept = DEPARTMENTS[i == 0 ? 0 : random.nextInt(DEPARTMENTS.length)];
            String[] city = CITIES[random.nextInt(CITIES.length)];
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("login", login[i]);
            p.put("email", login[i]);
            p.put("firstName", first);
            p.put("lastName", last);
            if (random.nextInt(5) == 0) {
                p.put("honorificPrefix", PREFIXES[random.nextInt(PREFIXES.length)]);
            }
            p.put("displayName", display[i]);
            p.put("title", title(i, dept, random));
            p.put("department", dept[0]);
            p.put("division", dept[0]);
            p.put("organization", "Acme");
            p.put("userType", random.nextInt(10) == 0 ? "Contractor" : "Employee");
            p.put("employeeNumber", employeeNumber[i]);
            p.put("costCenter", "CC-" + dept[1] + "-" + (100 + random.nextInt(5)));
            p.put("streetAddress", (1 + random.nextInt(200)) + " " + STREETS[random.nextInt(STREETS.length)]);
            p.put("city", city[0]);
            p.put("state", city[1]);
            p.put("zipCode", String.valueOf(10_000 + random.nextInt(89_999)));
            p.put("countryCode", city[2]);
            p.put("timezone", city[3]);
            p.put("preferredLanguage", city[4]);
            p.put("locale", city[5]);
            p.put("mobilePhone", city[6] + (1000 + random.nextInt(9000)));
            if (i > 0) {
                int manager = (i - 1) / 6;
                p.put("managerId", switch (managerRef) {
                    case ID -> id[manager];
                    case LOGIN, EMAIL -> login[manager];
                    case EMPLOYEE_NUMBER -> employeeNumber[manager];
                });
                p.put("manager", display[manager]);
            }
            long hired = earliest + (long) (random.nextDouble() * (now - earliest - 86_400_000L));
            p.put("hireDate", LocalDate.ofEpochDay(Math.floorDiv(hired, 86_400_000L)).toString());
            p.put("avatarUrl", orgUrl + "/sim/avatars/" + id[i] + ".svg");
            long created = hired - 7 * 86_400_000L;
            long lastLogin = random.nextInt(10) == 0 ? 0 : now - (long) (random.nextDouble() * 30 * 86_400_000L);
            users.add(user(id[i], i, created, lastLogin, Math.max(created + 3_600_000L, hired), now, p, statuses));
        }
        return users;
    }

    private OktaUser user(String id, int index, long created, long lastLogin, long lastUpdated, long now,
            Map<String, Object> profile, Random statuses) {
        long activated = created + 3_600_000L;
        if (index == 0 || inactiveShare <= 0 || statuses.nextDouble() >= inactiveShare) {
            return new OktaUser(id, "ACTIVE", created, activated, activated, lastLogin, lastUpdated, activated,
                    profile);
        }
        String status = OTHER_STATUSES[statuses.nextInt(OTHER_STATUSES.length)];
        long changed = activated + (long) (statuses.nextDouble() * Math.max(1, now - activated));
        return switch (status) {
            case "STAGED" -> new OktaUser(id, status, created, 0, 0, 0, created, 0, profile);
            case "PROVISIONED" -> new OktaUser(id, status, created, activated, activated, 0, activated, 0, profile);
            default -> new OktaUser(id, status, created, activated, changed, Math.min(lastLogin, changed),
                    Math.max(lastUpdated, changed), activated, profile);
        };
    }

    private static String title(int i, String[] dept, Random random) {
        if (i == 0) {
            return "Chief Executive Officer";
        }
        if (i <= 6) {
            return "VP of " + dept[0];
        }
        if (i <= 42) {
            return "Head of " + dept[0];
        }
        return dept[2 + random.nextInt(dept.length - 2)];
    }

    private static final Map<String, String> ASCII = new java.util.concurrent.ConcurrentHashMap<>();

    /** The login form of a name: accents dropped, letters only, lower case ("Müller" → "muller"). */
    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    }
}
