using Attest.Data;
using Attest.Organizations;
using Attest.People;
using Attest.Training;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>
/// The demo organization's awareness programme, part-way through the year: security awareness for every employee and contractor
/// within a week of joining and yearly (most done, spread over the past year, some late), a responsible-AI campaign launched three
/// weeks ago (most done, the rest still in time — the demo employee among them, with the quiz to take), secure development for the
/// engineering group (some overdue), and a phishing refresher taken in an external system and imported. Recent joiners were mostly
/// trained in their first week; one was not.
/// </summary>
public sealed class DemoTraining(AttestDbContext db, SaveCourse saveCourse, SaveQuizQuestion saveQuestion, SaveTrainingRequirement saveRule, SyncTrainingAssignments sync)
{
    public const string Awareness = "Security awareness essentials";
    public const string ResponsibleAi = "Responsible AI use for client work";
    public const string SecureDevelopment = "Secure development and AI safety";
    public const string Phishing = "Phishing refresher";

    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> logins, CancellationToken cancellationToken = default)
    {
        if (await db.Courses.AnyAsync(cancellationToken) || !await db.People.AnyAsync(cancellationToken)) return;
        var today = TrainingDates.Today(db);
        using var asCiso = db.Acting.ActAs(logins[OrganizationRole.Manager], $"ciso@{LoadDemoOrganization.EmailDomain}", Audit.AuditChannel.Ui);

        var awareness = await saveCourse.RunAsync(null, new CourseInput(Awareness,
            "The essentials every Lumen colleague needs: how we classify and handle client information, spotting phishing and social engineering, " +
            "passwords and MFA, working remotely, and reporting incidents. **Required within 7 days of joining and every year.**",
            Content: AwarenessContent, DurationMinutes: 25, PassingScore: 80), cancellationToken);
        await AddQuestionsAsync(awareness, [
            ("A client sends a contract marked Confidential. Where may you store it?", "Your personal cloud drive\nThe client matter workspace in the document system\nA USB stick to work offline", 2,
                "Confidential client information stays in the matter workspace, where access is limited to the matter team and logged."),
            ("An e-mail from 'IT support' asks you to confirm your password on a new portal. What do you do?", "Confirm it quickly\nReply asking if it is genuine\nReport it with the Report phishing button and delete it", 3,
                "IT never asks for your password. Reporting lets Security block the sender for everyone."),
            ("Which sign-in is acceptable for client systems?", "Password only\nPassword and a phishing-resistant second factor (passkey or security key)\nA shared team account", 2,
                "Client systems require individual accounts with phishing-resistant MFA (access control policy, A.5.17/A.8.5)."),
            ("You left your laptop on a train. When do you report it?", "Immediately, to security@lumen.example\nAt the end of the week\nOnly if it held client data", 1,
                "Report at once: the device can be locked and wiped remotely, and the 72-hour breach clock may be running."),
            ("May you paste client documents into a public AI chatbot?", "Yes, if you delete the chat afterwards\nNo: only the approved Lumen AI workspace may process client data\nYes, for summaries only", 2,
                "Public chatbots may retain and train on what you paste. Client data goes only to approved AI systems."),
        ], cancellationToken);

        var responsibleAi = await saveCourse.RunAsync(null, new CourseInput(ResponsibleAi,
            "How we use AI on client matters responsibly: approved tools, human review of every output, disclosing AI use to clients, and what never goes into a prompt.",
            Content: ResponsibleAiContent, DurationMinutes: 20, PassingScore: 75), cancellationToken);
        await AddQuestionsAsync(responsibleAi, [
            ("Who is accountable for an AI-drafted clause sent to a client?", "The AI vendor\nThe lawyer who reviewed and sent it\nNobody, if the client agreed to AI use", 2,
                "A qualified person reviews every output and stays accountable for it (AI use policy; ISO/IEC 42001 A.9)."),
            ("What must never go into a prompt, even in the approved workspace?", "Clause numbers\nSpecial-category personal data not needed for the task\nThe client's name", 2,
                "Data minimisation: only what the task needs, and never special-category data without a documented need."),
            ("The contract review agent gives a confident answer citing a case you cannot find. What do you do?", "Use it: the agent is usually right\nTreat it as a possible hallucination, verify, and report it\nRemove the citation and keep the rest", 2,
                "Unverifiable citations are a known failure mode; report them so the AI platform team can improve the system."),
            ("When must a client be told that AI was used?", "Never\nWhen their engagement terms or our AI transparency notice say so\nOnly if they ask", 2,
                "Our transparency commitments are part of each engagement; check the matter's terms."),
        ], cancellationToken);

        var secure = await saveCourse.RunAsync(null, new CourseInput(SecureDevelopment,
            "For engineers and the AI platform team: secure coding, secrets handling, dependency hygiene, prompt injection and output handling in agents, and evaluating models before release.",
            Content: SecureDevelopmentContent, DurationMinutes: 90, PassingScore: 70), cancellationToken);
        await AddQuestionsAsync(secure, [
            ("Where do API keys for model providers belong?", "In the repository, encrypted\nIn the secrets manager, injected at runtime\nIn a team chat pinned message", 2,
                "Secrets live in the secrets manager only; the CI scans block commits that contain them."),
            ("An agent reads client documents that may contain instructions. The main defence is…", "A longer system prompt\nTreating document text as data: isolating it, limiting the agent's tools and filtering outputs\nAsking the model to ignore instructions", 2,
                "Prompt injection is mitigated by design (least-privilege tools, isolation, output filtering), not by asking the model nicely."),
            ("Before a new model version goes live for a client workflow you must…", "Run the evaluation suite and record the results\nAsk one colleague if it looks fine\nNothing, if the vendor says it is better", 1,
                "Model changes trigger the evaluation suite and, for client-facing systems, a reassessment of the impact assessment."),
        ], cancellationToken);

        var phishing = await saveCourse.RunAsync(null, new CourseInput(Phishing,
            "A ten-minute refresher with this quarter's real phishing examples, taken in our awareness platform. Completions are imported from its export.",
            ContentUrl: "https://awareness.lumen.example/courses/phishing-refresher", DurationMinutes: 10), cancellationToken);

        var ruleStart = today.AddMonths(-13);
        var rules = new[]
        {
            new TrainingRequirementInput(awareness, "Employees: on joining and yearly", TrainingAudience.PersonType, nameof(PersonType.Employee), 7, 12, true, ruleStart),
            new TrainingRequirementInput(awareness, "Contractors: on joining and yearly", TrainingAudience.PersonType, nameof(PersonType.Contractor), 7, 12, true, ruleStart),
            new TrainingRequirementInput(responsibleAi, "Responsible AI campaign", TrainingAudience.PersonType, nameof(PersonType.Employee), 30, null, true, today.AddDays(-20)),
            new TrainingRequirementInput(secure, "Engineering: secure development", TrainingAudience.Group, DemoPeople.EngineeringGroup, 30, 24, true, today.AddMonths(-6)),
            new TrainingRequirementInput(phishing, "Quarterly phishing refresher", TrainingAudience.PersonType, nameof(PersonType.Employee), 14, 6, true, today.AddMonths(-2)),
        };

        // History first (as if taken over the past year), then the rules, so the assignments are generated against it.
        var people = await db.People.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Type, p.StartDate, p.EndDate, p.Active, p.UserId, p.Department })
            .ToListAsync(cancellationToken);
        var engineers = (await (from m in db.PersonGroupMembers join g in db.PersonGroups on m.GroupId equals g.Id
                                where g.DisplayName == DemoPeople.EngineeringGroup select m.PersonId).ToListAsync(cancellationToken)).ToHashSet();
        var employeeLogin = logins[OrganizationRole.Employee];
        var joinerOffsets = new[] { 3, 5, 7, 10, 2, 4, 6 };
        var joinerIndex = 0;
        var now = Instant.Now(db.Clock);
        var quizSizes = new Dictionary<Guid, int> { [awareness] = 5, [responsibleAi] = 4, [secure] = 3 };
        var i = 0;
        foreach (var person in people.Where(p => p.Active && (p.EndDate == null || p.EndDate >= today)).OrderBy(p => p.StartDate))
        {
            i++;
            if (person.Type == PersonType.ThirdParty) continue;
            var start = person.StartDate ?? ruleStart;
            var seed = Math.Abs(person.Id.GetHashCode() % 97);
            if (start > today.AddMonths(-12))
            {
                // A joiner: trained within days of starting, one of them late (day 10), the newest not yet.
                var day = joinerOffsets[joinerIndex++ % joinerOffsets.Length];
                if (start.AddDays(day) <= today) Complete(person.Id, awareness, start.AddDays(day), seed, CompletionSource.Attest);
            }
            else if (i % 11 != 4)
            {
                Complete(person.Id, awareness, today.AddDays(-(15 + (i * 37) % 330)), seed, CompletionSource.Attest);
            }
            if (person.Type == PersonType.Employee && person.UserId != employeeLogin && i % 4 != 1 && start <= today.AddDays(-2))
            {
                Complete(person.Id, responsibleAi, today.AddDays(-(1 + i % 18)), seed, CompletionSource.Attest);
            }
            if (engineers.Contains(person.Id) && i % 6 != 2)
            {
                Complete(person.Id, secure, Later(start, today.AddMonths(-6)).AddDays(5 + i % 60), seed, CompletionSource.Attest);
            }
            if (person.Type == PersonType.Employee && i % 7 != 3)
            {
                var completion = Complete(person.Id, phishing, today.AddDays(-(5 + i % 50)), null, CompletionSource.Import);
                completion.ExternalReference = $"KB4-{2600 + i}";
                completion.Notes = "Imported from the awareness platform export";
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var rule in rules) await saveRule.RunAsync(null, rule, cancellationToken);
        await sync.RunAsync(cancellationToken);

        TrainingCompletion Complete(Guid personId, Guid courseId, DateOnly on, int? seed, CompletionSource source)
        {
            var day = on > today ? today : on;
            // Most answer everything right; some miss one question where the pass mark allows it (4 of 5, 3 of 4).
            int? questions = quizSizes.TryGetValue(courseId, out var size) ? size : null;
            var correct = questions is { } n ? n - (n > 3 && seed % 3 == 0 ? 1 : 0) : 0;
            int? score = questions is { } q ? Quiz.ScoreOf(correct, q) : null;
            var completion = new TrainingCompletion
            {
                PersonId = personId, CourseId = courseId, CompletedOn = day, Score = score, Source = source,
                RecordedAt = now, RecordedBy = source == CompletionSource.Import ? $"ciso@{LoadDemoOrganization.EmailDomain}" : "self",
            };
            db.TrainingCompletions.Add(completion);
            if (questions is { } asked && score is { } passed)
            {
                db.QuizAttempts.Add(new QuizAttempt
                {
                    PersonId = personId, CourseId = courseId, SubmittedAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), Correct = correct,
                    Questions = asked, Score = passed, Passed = true,
                });
            }
            return completion;
        }
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private async Task AddQuestionsAsync(Guid course, (string Text, string Options, int Correct, string Explanation)[] questions, CancellationToken cancellationToken)
    {
        foreach (var (text, options, correct, explanation) in questions)
        {
            await saveQuestion.RunAsync(course, null, new QuizQuestionInput(text, options, correct, explanation), cancellationToken);
        }
    }

    private const string AwarenessContent = """
        ## Why this matters
        Lumen handles confidential client matters and runs AI systems on client data. Most incidents start with a person: a convincing
        e-mail, a shared password, a document in the wrong place. This course takes about 25 minutes; the quiz at the end needs 80%.

        ## 1. Classify and handle information
        - **Public**: may be shared freely (published articles).
        - **Internal**: Lumen colleagues only.
        - **Confidential**: client matters and personal data; only in the matter workspace, only to the matter team.
        - **Restricted**: special-category data and credentials; named people only, encrypted at rest and in transit.

        ## 2. Phishing and social engineering
        Check the sender, hover before you click, and be suspicious of urgency. IT will never ask for your password.
        Use the **Report phishing** button: it removes the message for everyone once confirmed.

        ## 3. Accounts and MFA
        Use your own account, a password manager and a passkey or security key. Never share accounts.

        ## 4. Working remotely
        Lock your screen, use the VPN on untrusted networks, keep devices updated, and report a lost device immediately.

        ## 5. Using AI
        Only approved AI systems may process client data. Public chatbots may keep what you paste.

        ## 6. Report incidents
        security@lumen.example or the #security-incidents channel, any time. Reporting early is always right.
        """;

    private const string ResponsibleAiContent = """
        ## Our commitments
        Lumen's AI systems support lawyers and consultants; they never replace their judgement.

        1. **Approved tools only.** The Lumen AI workspace and the contract review agent are approved for client data.
        2. **Human review.** Every output is reviewed by a qualified person before it reaches a client.
        3. **Minimise.** Put only what the task needs into a prompt.
        4. **Transparency.** Follow the engagement's terms on disclosing AI use.
        5. **Report problems.** Hallucinations, bias or leaks go to the AI platform team through the AI incident form.
        """;

    private const string SecureDevelopmentContent = """
        ## Secure development at Lumen
        - Secrets in the secrets manager only; CI blocks commits containing them.
        - Dependencies pinned and scanned; critical findings fixed within 7 days.
        - Code review for every change; security review for authentication, authorization and data handling.

        ## AI safety for agents
        - Treat retrieved documents and user input as data, never as instructions.
        - Give agents the fewest tools and permissions they need.
        - Filter outputs before they reach clients or other systems.
        - Run the evaluation suite on every model or prompt change and keep the results as evidence.
        """;
}
