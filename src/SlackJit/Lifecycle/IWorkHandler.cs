namespace SlackJit.Lifecycle;

/// <summary>Runs one kind of work item; registered with <c>AddWorkHandler</c>.</summary>
public interface IWorkHandler<in TWork>
    where TWork : IWorkItem
{
    Task HandleAsync(TWork work, CancellationToken cancellationToken);
}
