using Attest.Data;
using Attest.Organizations;
using Attest.People;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>
/// The demo organization's personnel register: about 120 people in nine departments, employees and contractors with a few
/// authorized third parties, department heads reporting to the CEO, recent joiners still being screened, leavers whose last day
/// has passed, a few confidentiality agreements missing, and the groups an identity provider would keep. The five demo sign-ins
/// are people too, linked to their accounts. Training, access reviews and suppliers build on these people.
/// </summary>
public sealed class DemoPeople(AttestDbContext db)
{
    public const string EngineeringGroup = "Engineering";
    public const string PrivilegedGroup = "Privileged administrators";

    /// <summary>Departments with their size; the first person of each is its head.</summary>
    private static readonly (string Department, int Size, string HeadRole, string MemberRole)[] Departments =
    [
        ("Management", 6, "Chief Executive Officer", "Executive"),
        ("Security", 5, "Chief Information Security Officer", "Security engineer"),
        ("Engineering", 22, "Chief Technology Officer", "Software engineer"),
        ("AI platform", 18, "Head of AI platform", "ML engineer"),
        ("Client delivery", 30, "Head of client delivery", "Legal engineer"),
        ("Legal", 8, "General counsel", "Lawyer"),
        ("Finance", 7, "Chief Financial Officer", "Accountant"),
        ("Sales", 10, "Head of sales", "Account executive"),
        ("Operations", 9, "Chief Operating Officer", "Operations specialist"),
    ];

    private static readonly string[] FirstNames =
    [
        "Amara", "Bastian", "Chiara", "Dmitri", "Elif", "Farah", "Goran", "Hana", "Idris", "Jonas", "Kiran", "Lena", "Mateo", "Nadia",
        "Oskar", "Priya", "Quentin", "Rosa", "Samir", "Tomas", "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zofia", "Aiden", "Beatriz",
        "Caleb", "Daria", "Emil", "Freya", "Gabriel", "Hedda", "Ilya", "Joanna", "Kofi", "Leila", "Marek", "Noor", "Olga", "Pavel",
    ];

    private static readonly string[] LastNames =
    [
        "Achterberg", "Bianchi", "Castell", "Demir", "Eriksen", "Fontaine", "Grabowski", "Haddad", "Ibsen", "Jansen", "Kowalczyk",
        "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quinn", "Rahman", "Sorensen", "Tanaka", "Urquhart", "Varga",
        "Weber", "Xu", "Yilmaz", "Zeller", "Andersson", "Brennan", "Costa", "Dubois", "Engel",
    ];

    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> logins, CancellationToken cancellationToken = default)
    {
        if (await db.People.AnyAsync(cancellationToken)) return;
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var users = await db.Users.AsNoTracking().Where(u => logins.Values.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToDictionaryAsync(u => u.Id, cancellationToken);

        var people = new List<Person>();
        var heads = new Dictionary<string, Person>(StringComparer.Ordinal);
        var sequence = 0;

        Person Add(string name, string email, string department, string role, PersonType type, DateOnly start, Guid? userId = null)
        {
            var person = new Person
            {
                Name = name, Email = email, EmailKey = PersonLookup.KeyOf(email), Type = type, Department = department, Role = role,
                Location = (sequence % 5) switch { 0 or 1 => "Amsterdam", 2 => "Lisbon", 3 => "Berlin", _ => "Remote (EU)" },
                StartDate = start, Screening = type == PersonType.ThirdParty ? ScreeningStatus.NotRequired : ScreeningStatus.Passed,
                ScreenedOn = type == PersonType.ThirdParty ? null : start.AddDays(-14),
                ConfidentialitySignedOn = start.AddDays(-7),
                ConfidentialityTerms = type switch
                {
                    PersonType.Employee => "Employment contract, confidentiality clause",
                    PersonType.Contractor => "Contractor agreement with NDA schedule",
                    _ => "Mutual non-disclosure agreement",
                },
                UserId = userId, Source = PersonSource.Import,
            };
            people.Add(person);
            sequence++;
            return person;
        }

        Guid? Login(OrganizationRole role) => logins.TryGetValue(role, out var id) ? id : null;
        string LoginEmail(OrganizationRole role) => Login(role) is { } id && users.TryGetValue(id, out var u) ? u.Email ?? "" : "";
        string LoginName(OrganizationRole role, string fallback) =>
            Login(role) is { } id && users.TryGetValue(id, out var u) && !string.IsNullOrEmpty(u.DisplayName) ? u.DisplayName : fallback;

        // The sign-ins first: the CEO, the CISO and the CTO head their departments; the employee works in client delivery.
        heads["Management"] = Add(LoginName(OrganizationRole.Admin, "Alex Admin"), LoginEmail(OrganizationRole.Admin), "Management",
            "Chief Executive Officer", PersonType.Employee, today.AddYears(-6), Login(OrganizationRole.Admin));
        heads["Security"] = Add(LoginName(OrganizationRole.Manager, "Casey Ciso"), LoginEmail(OrganizationRole.Manager), "Security",
            "Chief Information Security Officer", PersonType.Employee, today.AddYears(-4), Login(OrganizationRole.Manager));
        heads["Engineering"] = Add(LoginName(OrganizationRole.Contributor, "Olu Owner"), LoginEmail(OrganizationRole.Contributor), "Engineering",
            "Chief Technology Officer", PersonType.Employee, today.AddYears(-5), Login(OrganizationRole.Contributor));
        var employee = Add(LoginName(OrganizationRole.Employee, "Eli Employee"), LoginEmail(OrganizationRole.Employee), "Client delivery",
            "Legal engineer", PersonType.Employee, today.AddMonths(-14), Login(OrganizationRole.Employee));
        var auditor = Add(LoginName(OrganizationRole.Auditor, "Ana Auditor"), LoginEmail(OrganizationRole.Auditor), "External audit",
            "Lead auditor (certification body)", PersonType.ThirdParty, today.AddDays(-30), Login(OrganizationRole.Auditor));
        auditor.EndDate = today.AddDays(90);

        var index = 0;
        foreach (var (department, size, headRole, memberRole) in Departments)
        {
            var existing = people.Count(p => p.Department == department);
            for (var i = existing; i < size; i++, index++)
            {
                var name = $"{FirstNames[index * 7 % FirstNames.Length]} {LastNames[index * 11 % LastNames.Length]}";
                var local = name.ToLowerInvariant().Replace(' ', '.');
                if (people.Any(p => p.EmailKey == PersonLookup.KeyOf($"{local}@{LoadDemoOrganization.EmailDomain}"))) local += index;
                // Roughly one in five of the delivery and engineering people are contractors.
                var contractor = department is "Engineering" or "AI platform" or "Client delivery" && index % 5 == 2;
                var start = today.AddDays(-(200 + index * 37 % 2400));
                var isHead = !heads.ContainsKey(department);
                var person = Add(name, $"{local}@{LoadDemoOrganization.EmailDomain}", department, isHead ? headRole : memberRole,
                    contractor ? PersonType.Contractor : PersonType.Employee, start);
                if (isHead) heads[department] = person;
            }
        }

        // Recent joiners: two still in screening, one without signed terms yet.
        var joiners = people.Where(p => p.Type != PersonType.ThirdParty && p.UserId is null && !heads.ContainsValue(p)).Take(6).ToList();
        for (var i = 0; i < joiners.Count; i++) joiners[i].StartDate = today.AddDays(-(3 + i * 8));
        joiners[0].Screening = ScreeningStatus.InProgress;
        joiners[0].ScreenedOn = null;
        joiners[1].Screening = ScreeningStatus.InProgress;
        joiners[1].ScreenedOn = null;
        joiners[2].ConfidentialitySignedOn = null;
        joiners[2].ConfidentialityTerms = "";
        // A contractor who never signed the NDA schedule: the register flags it.
        var unsigned = people.First(p => p.Type == PersonType.Contractor && !joiners.Contains(p));
        unsigned.ConfidentialitySignedOn = null;
        unsigned.ConfidentialityTerms = "";

        // Leavers: last days in the past few months; one deactivated by the identity provider already.
        var leavers = people.Where(p => p.UserId is null && !heads.ContainsValue(p) && !joiners.Contains(p) && p != unsigned)
            .Where((_, i) => i % 17 == 5).Take(5).ToList();
        for (var i = 0; i < leavers.Count; i++) leavers[i].EndDate = today.AddDays(-(12 + i * 23));
        leavers[0].Active = false;
        // Two people leave later this month: their offboarding has started.
        foreach (var (person, days) in people.Where(p => p.UserId is null && !heads.ContainsValue(p) && !joiners.Contains(p) && !leavers.Contains(p))
            .Where((_, i) => i % 29 == 11).Take(2).Select((p, i) => (p, 6 + i * 9))) person.EndDate = today.AddDays(days);

        foreach (var person in people)
        {
            if (heads.ContainsValue(person))
            {
                person.ManagerId = person == heads["Management"] ? null : heads["Management"].Id;
            }
            else if (heads.TryGetValue(person.Department, out var head))
            {
                person.ManagerId = head.Id;
            }
        }
        employee.ManagerId = heads["Client delivery"].Id;
        auditor.ManagerId = heads["Security"].Id;

        db.People.AddRange(people);
        var engineering = new PersonGroup { DisplayName = EngineeringGroup, Source = PersonSource.Import };
        var privileged = new PersonGroup { DisplayName = PrivilegedGroup, Source = PersonSource.Import };
        db.PersonGroups.AddRange(engineering, privileged);
        foreach (var person in people.Where(p => p.Department is "Engineering" or "AI platform" && !p.HasLeftBy(today)))
        {
            db.PersonGroupMembers.Add(new PersonGroupMember { GroupId = engineering.Id, PersonId = person.Id });
        }
        var admins = new[] { heads["Security"], heads["Engineering"], heads["AI platform"] }
            .Concat(people.Where(p => p.Department is "Engineering" or "AI platform" && p.Type == PersonType.Employee && !heads.ContainsValue(p)
                && !p.HasLeftBy(today)).Take(5));
        foreach (var person in admins) db.PersonGroupMembers.Add(new PersonGroupMember { GroupId = privileged.Id, PersonId = person.Id });
        await db.SaveAsync("person", cancellationToken);
    }
}
