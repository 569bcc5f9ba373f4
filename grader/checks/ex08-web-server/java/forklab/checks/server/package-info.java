/**
 * Hidden checks of ex08-web-server (a web server with a virtual thread per request and with a
 * child process per request): right answers and refusals ({@code AnswerChecks}), a crash isolated
 * to its request ({@code CrashChecks}), a child of its own per request ({@code ChildChecks}),
 * closing ({@code CloseChecks}), 200 clients at once ({@code LatencyChecks}), the cost ratio of the
 * two models ({@code RatioChecks}) and the architecture with ArchUnit ({@code
 * ArchitectureChecks}).
 */
package forklab.checks.server;
