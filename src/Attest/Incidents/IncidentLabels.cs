namespace Attest.Incidents;

/// <summary>How incident values read in pages, exports and the CLI.</summary>
public static class IncidentLabels
{
    public static string Of(IncidentCategory category) => category switch
    {
        IncidentCategory.Malware => "Malware",
        IncidentCategory.UnauthorizedAccess => "Unauthorized access",
        IncidentCategory.DataLeak => "Data leak",
        IncidentCategory.AiMisbehaviour => "AI misbehaviour",
        IncidentCategory.Availability => "Availability",
        IncidentCategory.Supplier => "Supplier",
        _ => "Other",
    };

    public static string Of(IncidentStatus status) => status.ToString();

    public static string Of(IncidentSeverity severity) => severity.ToString();

    public static string Of(BreachStatus status) => status switch
    {
        BreachStatus.Assessing => "Being assessed",
        BreachStatus.Notifiable => "Notifiable",
        BreachStatus.NotNotifiable => "Not notifiable",
        _ => "Notified",
    };

    public static string Of(BreachRisk risk) => risk switch
    {
        BreachRisk.NotAssessed => "Not assessed",
        BreachRisk.Unlikely => "Unlikely to result in a risk",
        BreachRisk.Risk => "A risk to people's rights and freedoms",
        _ => "A high risk to people's rights and freedoms",
    };

    public static string Of(NotificationRecipient recipient) => recipient switch
    {
        NotificationRecipient.SupervisoryAuthority => "Supervisory authority",
        NotificationRecipient.DataSubjects => "People affected",
        NotificationRecipient.Client => "Client",
        _ => "Other",
    };

    public static string Of(SlaState state) => state switch
    {
        SlaState.Met => "met",
        SlaState.Breached => "breached",
        SlaState.Running => "running",
        _ => "unknown",
    };

    /// <summary>The step's timestamp field, as validation errors name it.</summary>
    public static string FieldOf(IncidentStatus status) => status switch
    {
        IncidentStatus.Reported => "ReportedAt",
        _ => status + "At",
    };
}
