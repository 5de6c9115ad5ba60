#include "cli/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace loupe::cli {

Result<ProcessOutput> RunProcess(const std::vector<std::string>& argv,
                                 const std::function<void(int64_t)>& on_output, std::string_view input) {
  int out_pipe[2], err_pipe[2], in_pipe[2] = {-1, -1};
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0 ||
      (!input.empty() && pipe2(in_pipe, O_CLOEXEC) != 0)) {
    return IoError(std::string("pipe: ") + std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (!input.empty()) posix_spawn_file_actions_adddup2(&actions, in_pipe[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid;
  const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (!input.empty()) close(in_pipe[0]);
  if (rc != 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    if (!input.empty()) close(in_pipe[1]);
    return NotFound("cannot run " + argv[0] + ": " + std::strerror(rc));
  }
  std::string out, err;
  // stdin is written as the program reads it, between reads of its output, so neither side
  // blocks on a full pipe; a program that exits without reading it all must not kill us with
  // SIGPIPE.
  const bool feeding = !input.empty();
  struct sigaction ignore_pipe = {}, previous_pipe = {};
  ignore_pipe.sa_handler = SIG_IGN;
  if (feeding) {
    fcntl(in_pipe[1], F_SETFL, O_NONBLOCK);
    sigaction(SIGPIPE, &ignore_pipe, &previous_pipe);
  }
  pollfd fds[3] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}, {feeding ? in_pipe[1] : -1, POLLOUT, 0}};
  int open_fds = 2;
  char buf[1 << 16];
  while (open_fds > 0) {
    if (poll(fds, 3, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[2].fd >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
      const ssize_t n = (fds[2].revents & POLLOUT) ? write(fds[2].fd, input.data(), input.size()) : -1;
      if (n > 0) input.remove_prefix(static_cast<size_t>(n));
      if (input.empty() || (n < 0 && errno != EAGAIN && errno != EINTR)) {
        close(fds[2].fd);
        fds[2].fd = -1;
      }
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        (i == 0 ? out : err).append(buf, static_cast<size_t>(n));
        if (i == 0 && on_output) on_output(static_cast<int64_t>(out.size()));
      } else if (n == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  if (fds[2].fd >= 0) close(fds[2].fd);
  if (feeding) sigaction(SIGPIPE, &previous_pipe, nullptr);
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  ProcessOutput result;
  result.exit_code = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
  result.out = std::move(out);
  result.err = std::move(err);
  return result;
}

Result<std::string> RunAndCapture(const std::vector<std::string>& argv,
                                  const std::function<void(int64_t)>& on_output, std::string_view input) {
  LOUPE_ASSIGN_OR_RETURN(ProcessOutput p, RunProcess(argv, on_output, input));
  if (p.exit_code != 0) {
    const std::string first_lines = p.err.substr(0, p.err.find('\n', p.err.find('\n') + 1));
    return FailedPrecondition(argv[0] + " failed (exit " + std::to_string(p.exit_code) + "): " + first_lines);
  }
  return std::move(p.out);
}

}  // namespace loupe::cli
