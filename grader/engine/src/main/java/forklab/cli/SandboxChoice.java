package forklab.cli;

/** The {@code --sandbox} values. */
enum SandboxChoice {
  auto,
  docker,
  local
}
