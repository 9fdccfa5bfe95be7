using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SlackJit.Audit;

internal static class AuditServiceCollectionExtensions
{
    /// <summary>The scheduled compliance report (off unless <c>Audit:ReportChannel</c> is set). The commands need no registration.</summary>
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>());
        // Nothing runs (and nothing reads the store) unless a channel is set.
        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{AuditOptions.SectionName}:{nameof(AuditOptions.ReportChannel)}"]))
        {
            services.AddSingleton<AuditReportPoster>();
            services.AddHostedService(sp => sp.GetRequiredService<AuditReportPoster>());
        }
        return builder;
    }
}
