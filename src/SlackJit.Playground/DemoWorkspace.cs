using SlackJit.SlackEmulator.Workspace;

namespace SlackJit.Playground;

/// <summary>
/// The people and places of the playground's workspace. The ids match the demo catalog in <c>playground.json</c>:
/// two approvers, a user group whose member approves the logs bucket, someone who may not approve, and a guest.
/// </summary>
public static class DemoWorkspace
{
    public const string TeamId = "T0PLAYGROUND";
    public const string Approvals = "C0APPROVALS";
    public const string General = "C0GENERAL";
    public const string Requester = "U0RILEY";
    public const string Approver = "U0ALEX";
    public const string SecondApprover = "U0SAM";
    public const string GroupMember = "U0PRIYA";
    public const string ApproverGroup = "S0PLATFORM";
    public const string Outsider = "U0OSCAR";
    public const string Guest = "U0GINA";

    public static void Seed(SlackWorkspace ws)
    {
        ws.AddUser(new EmulatedUser(Requester, "riley", "Riley Chen", TeamId, Title: "Data analyst · requester"));
        ws.AddUser(new EmulatedUser(Approver, "alex", "Alex Morgan", TeamId, Title: "Data lead · approver"));
        ws.AddUser(new EmulatedUser(SecondApprover, "sam", "Sam Okafor", TeamId, Title: "Security · approver"));
        ws.AddUser(new EmulatedUser(GroupMember, "priya", "Priya Nair", TeamId, Title: "Platform on-call · @platform-oncall"));
        ws.AddUser(new EmulatedUser(Outsider, "oscar", "Oscar Diaz", TeamId, Title: "Marketing · not an approver"));
        ws.AddUser(new EmulatedUser(Guest, "gina", "Gina Rossi", TeamId, IsRestricted: true, Title: "Contractor · guest"));
        ws.AddChannel(Approvals, "approvals");
        ws.AddChannel(General, "general");
        ws.AddUserGroup(ApproverGroup, "platform-oncall", GroupMember);
    }
}
