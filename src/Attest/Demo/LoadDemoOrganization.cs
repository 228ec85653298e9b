using Attest.Accounts;
using Attest.Context;
using Attest.Data;
using Attest.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

public sealed record DemoLogin(OrganizationRole Role, string Email, string Password);

/// <summary>
/// Loads the demo organization: a B2B company delivering legal, financial, healthcare, engineering,
/// marketing and design services through 51 AI agents, multi-cloud, with remote staff. Loading it again
/// changes nothing but gives the demo accounts fresh passwords, so the printed logins always work.
/// </summary>
public sealed class LoadDemoOrganization(AttestDbContext db, UserManager<User> users, Frameworks.LoadBuiltInFrameworks frameworks, DemoPolicies policies, DemoAssets assets, DemoRisks risks,
    DemoEvidence evidence, DemoChecks checks, DemoPeople personnel, DemoTraining training, DemoSuppliers suppliers, DemoOnboarding onboarding, DemoAccessReviews accessReviews,
    DemoContinuity continuity, DemoVulnerabilities vulnerabilities, DemoIncidents incidents, DemoObligations obligations, DemoNonconformities nonconformities,
    DemoExceptions exceptions, DemoCertification certification, DemoObjectives objectives, DemoInternalAudits internalAudits,
    DemoManagementReviews managementReviews)
{
    public const string OrganizationName = "Lumen Professional Services";
    public const string SecondOrganizationName = "Lumen Sandbox";
    public const string EmailDomain = "lumen.example";

    private static readonly (OrganizationRole Role, string Local, string Name, string? JobTitle, string? Department)[] People =
    [
        (OrganizationRole.Admin, "admin", "Alex Admin", "CEO", "Management"),
        (OrganizationRole.Manager, "ciso", "Casey Ciso", "CISO", "Security"),
        (OrganizationRole.Contributor, "owner", "Olu Owner", "CTO", "Engineering"),
        (OrganizationRole.Auditor, "auditor", "Ana Auditor", null, null),
        (OrganizationRole.Employee, "employee", "Eli Employee", "Legal engineer", "Client delivery"),
    ];

    public async Task<IReadOnlyList<DemoLogin>> RunAsync(CancellationToken cancellationToken = default)
    {
        var logins = new List<DemoLogin>();
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Name == OrganizationName, cancellationToken);
        var fresh = organization is null;
        if (organization is null)
        {
            organization = new Organization { Name = OrganizationName, TimeZone = "Europe/London" };
            db.Organizations.Add(organization);
            db.Organizations.Add(new Organization { Name = SecondOrganizationName, TimeZone = "Europe/London" });
            await db.SaveChangesAsync(cancellationToken);
        }
        using var acting = db.Acting.ActIn(organization.Id, OrganizationRole.Admin);
        var sandbox = await db.Organizations.FirstAsync(o => o.Name == SecondOrganizationName, cancellationToken);

        var owners = new Dictionary<OrganizationRole, Guid>();
        foreach (var (role, local, name, jobTitle, department) in People)
        {
            var email = $"{local}@{EmailDomain}";
            var password = Passwords.Generate();
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
                Check(await users.CreateAsync(user, password));
                db.Memberships.Add(new Membership
                {
                    OrganizationId = organization.Id, UserId = user.Id, Role = role, JobTitle = jobTitle, Department = department,
                    AccessEndsOn = role == OrganizationRole.Auditor ? DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime).AddDays(90) : null,
                });
                await db.SaveChangesAsync(cancellationToken);
            }
            else
            {
                Check(await users.RemovePasswordAsync(user));
                Check(await users.AddPasswordAsync(user, password));
                await users.ResetAccessFailedCountAsync(user);
                await users.SetLockoutEndDateAsync(user, null);
            }
            owners[role] = user.Id;
            logins.Add(new DemoLogin(role, email, password));
        }

        if (fresh)
        {
            await frameworks.RunAsync(cancellationToken);
            await LoadContextAsync(owners, cancellationToken);
            await LoadControlsAndSoaAsync(owners, cancellationToken);
            await policies.RunAsync(owners, cancellationToken);
            await assets.RunAsync(owners, cancellationToken);
            await risks.RunAsync(owners, cancellationToken);
            await evidence.RunAsync(owners, cancellationToken);
            await checks.RunAsync(owners, cancellationToken);
            await personnel.RunAsync(owners, cancellationToken);
            await training.RunAsync(owners, cancellationToken);
            await suppliers.RunAsync(owners, cancellationToken);
            await onboarding.RunAsync(owners, cancellationToken);
            await accessReviews.RunAsync(owners, cancellationToken);
            await continuity.RunAsync(owners, cancellationToken);
            await vulnerabilities.RunAsync(owners, cancellationToken);
            await incidents.RunAsync(owners, cancellationToken);
            await nonconformities.RunAsync(owners, cancellationToken);
            await obligations.RunAsync(owners, cancellationToken);
            await exceptions.RunAsync(owners, cancellationToken);
            await certification.RunAsync(owners, cancellationToken);
            await objectives.RunAsync(owners, cancellationToken);
            await internalAudits.RunAsync(owners, cancellationToken);
            await managementReviews.RunAsync(owners, cancellationToken);
            // The admin and the CISO also run a second, empty organization, to show switching.
            using (db.Acting.ActIn(sandbox.Id, OrganizationRole.Admin))
            {
                await frameworks.RunAsync(cancellationToken);
                db.Memberships.Add(new Membership { OrganizationId = sandbox.Id, UserId = owners[OrganizationRole.Admin], Role = OrganizationRole.Admin });
                db.Memberships.Add(new Membership { OrganizationId = sandbox.Id, UserId = owners[OrganizationRole.Manager], Role = OrganizationRole.Manager });
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        return logins;
    }

    private async Task LoadControlsAndSoaAsync(Dictionary<OrganizationRole, Guid> owners, CancellationToken cancellationToken)
    {
        var save = new Controls.SaveControl(db);
        foreach (var entry in DemoControls.All)
        {
            var requirements = new List<Guid>();
            requirements.AddRange(await Controls.RequirementCodes.ResolveAsync(db, "iso27001-2022", entry.Iso27001, "demo", cancellationToken));
            requirements.AddRange(await Controls.RequirementCodes.ResolveAsync(db, "iso42001-2023", entry.Iso42001, "demo", cancellationToken));
            requirements.AddRange(await Controls.RequirementCodes.ResolveAsync(db, "nist-csf-2.0", entry.Csf, "demo", cancellationToken));
            var owner = entry.Reference is "CTL-008" or "CTL-009" or "CTL-011" ? owners[OrganizationRole.Contributor] : owners[OrganizationRole.Manager];
            await save.RunAsync(null, new Controls.ControlInput(entry.Reference, entry.Name, entry.Description, owner, entry.Status, "",
                12, DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime).AddMonths(6), "demo", requirements), cancellationToken);
        }

        // The CISO decided the SoA, approved 1.0, and has since drafted changes.
        using var asCiso = db.Acting.ActAs(owners[OrganizationRole.Manager], $"ciso@{EmailDomain}", Audit.AuditChannel.Ui);
        var decide = new Soa.SaveSoaDecision(db);
        foreach (var code in new[] { "A.5.1", "A.5.15", "A.8.24", "A.8.8", "A.5.24" })
        {
            await decide.RunAsync("iso27001-2022", new Soa.SoaDecisionInput(code, true, Soa.InclusionReasons.RiskTreatment | Soa.InclusionReasons.Contractual,
                "Required by client contracts and selected to treat risks in the risk register."), cancellationToken);
        }
        await decide.RunAsync("iso27001-2022", new Soa.SoaDecisionInput("A.8.30", false, Soa.InclusionReasons.None,
            "All development is done by our own engineers; no development is outsourced."), cancellationToken);
        await decide.RunAsync("iso27001-2022", new Soa.SoaDecisionInput("A.7.12", false, Soa.InclusionReasons.None,
            "No premises cabling is in scope: production runs in public cloud and the office network is provided and cabled by the landlord."), cancellationToken);
        await new Soa.ApproveSoa(db).RunAsync("iso27001-2022", major: false, "First approved Statement of Applicability", cancellationToken);
        await new Soa.ApproveSoa(db).RunAsync("iso42001-2023", major: false, "First approved AIMS Statement of Applicability", cancellationToken);

        var version = await db.SoaDecisions.Where(d => d.Justification.StartsWith("No premises")).Select(d => d.Version).SingleAsync(cancellationToken);
        await decide.RunAsync("iso27001-2022", new Soa.SoaDecisionInput("A.7.12", false, Soa.InclusionReasons.None,
            "No premises cabling is in scope: production runs in public cloud; the shared office's cabling belongs to the landlord (checked at the 2026 site review).", version), cancellationToken);
        var continuity = await db.Controls.SingleAsync(c => c.Reference == "CTL-023", cancellationToken);
        continuity.Status = Controls.ImplementationStatus.PartiallyImplemented;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    private async Task LoadContextAsync(Dictionary<OrganizationRole, Guid> owners, CancellationToken cancellationToken)
    {
        await new UpdateScope(db).RunAsync(new ScopeInput(
            Statement: "The information security and AI management systems of Lumen Professional Services covering the design, " +
                       "development, operation and support of its AI-delivered professional services platform — 51 AI agents providing " +
                       "legal, financial, healthcare, engineering, marketing and design services to business clients — and the people, " +
                       "processes, cloud infrastructure and data that support it.",
            OrganizationalScope: "All employees and contractors of Lumen Professional Services Ltd, including the platform engineering, " +
                                 "AI operations, client delivery, security and compliance teams. Suppliers are in scope where they provide " +
                                 "services to the platform (cloud hosting, foundation model providers, identity, payroll).",
            GeographicalScope: "Head office in London (United Kingdom); remote staff across the United Kingdom and the European Union. " +
                               "No data centres of our own: production runs in cloud regions eu-west-1, europe-west4 and westeurope.",
            BusinessProcesses: "Client onboarding and contracting; delivery of professional services by AI agents with human professional review; " +
                               "AI agent design, training, evaluation and release; platform operations and support; billing.",
            TechnologyScope: "The multi-cloud production platform (AWS, Google Cloud, Microsoft Azure), the 51 AI agents and the models they use, " +
                             "the source code repositories and CI/CD pipelines, company laptops, and the SaaS tools used to run the company.",
            DataScope: "Client data submitted to the agents (including personal data, financial records and health information), " +
                       "model training and evaluation datasets, agent prompts and outputs, employee records.",
            InterfacesAndDependencies: "Foundation model providers are reached over their APIs; clients integrate via our API and web app. " +
                                       "Identity is provided by a third-party identity provider; payroll is outsourced.",
            Exclusions:
            [
                new ScopeExclusionInput("Personal devices not used for business", "Staff may not use personal devices for company work (Acceptable Use Policy); such devices hold no company or client data."),
                new ScopeExclusionInput("Third-party systems not under our control", "Supplier-operated systems are managed through supplier agreements and assurance reports (Annex A 5.19–5.22), not operated by us."),
                new ScopeExclusionInput("Client-owned systems", "Clients operate and secure their own systems; our responsibility ends at our API and the data clients send us."),
                new ScopeExclusionInput("Public information", "Information published on our website and marketing channels is public by design and needs no confidentiality protection."),
            ],
            ChangeNote: "Initial scope",
            Version: 0), cancellationToken);

        var save = new SaveInterestedParty(db);
        var manager = owners[OrganizationRole.Manager];
        var contributor = owners[OrganizationRole.Contributor];
        await save.RunAsync(null, new("Business clients", PartyKind.External, ManagementSystem.Both,
            "Confidentiality of their data; accurate, professionally reviewed AI output; ISO 27001 and ISO 42001 certification; breach notification within contract terms.",
            "Client data protection objective, published policies on the trust page, incident response with client notification.", manager), cancellationToken);
        await save.RunAsync(null, new("Data protection authorities", PartyKind.External, ManagementSystem.Isms,
            "GDPR compliance, including Art. 32 security of processing and Art. 33 breach notification within 72 hours.",
            "Privacy programme, records of processing, breach notification procedure.", manager), cancellationToken);
        await save.RunAsync(null, new("Professional regulators", PartyKind.External, ManagementSystem.Aims,
            "Legal, financial and healthcare advice meets professional standards; licensed professionals review regulated output.",
            "Human oversight of regulated agents, professional disclaimers, licence register.", contributor), cancellationToken);
        await save.RunAsync(null, new("Foundation model providers", PartyKind.External, ManagementSystem.Aims,
            "Use of their models within their acceptable use policies.", "Supplier reviews and AI system impact assessments.", contributor), cancellationToken);
        await save.RunAsync(null, new("Employees and contractors", PartyKind.Internal, ManagementSystem.Both,
            "Clear policies, training, and a safe way to report incidents.", "Awareness programme and incident reporting open to everyone.", manager), cancellationToken);
        await save.RunAsync(null, new("Board and investors", PartyKind.Internal, ManagementSystem.Both,
            "Certification on schedule and managed security and AI risk.", "Monthly management report and management reviews.", manager), cancellationToken);

        var issue = new SaveContextIssue(db);
        await issue.RunAsync(null, new("EU AI Act obligations phase in", PartyKind.External, IssueCategory.Regulatory, ManagementSystem.Aims,
            "Some agents (e.g. healthcare triage support) may fall into high-risk categories.",
            "Classify every AI system, run impact assessments, plan conformity work.", manager), cancellationToken);
        await issue.RunAsync(null, new("Dependence on third-party foundation models", PartyKind.External, IssueCategory.Technological, ManagementSystem.Aims,
            "Model changes by providers can change agent behaviour without notice.",
            "Evaluation suites run on every model version before release; fallback providers.", contributor), cancellationToken);
        await issue.RunAsync(null, new("Remote-first workforce", PartyKind.Internal, IssueCategory.Operational, ManagementSystem.Isms,
            "No office network perimeter; people work from home and while travelling.",
            "Managed laptops, MFA everywhere, remote working policy.", manager), cancellationToken);
        await issue.RunAsync(null, new("Clients demand certification", PartyKind.External, IssueCategory.Market, ManagementSystem.Both,
            "Enterprise clients require ISO 27001 and increasingly ISO 42001 before signing.",
            "Certification programme with target dates; trust page.", manager), cancellationToken);
    }
}
