/**
 * A service binary is not installed. The message is one line naming the binary and the
 * install command, and the stack is dropped, because a trace adds nothing to "install X".
 */
export class MissingBinaryError extends Error {
  constructor(binary: string, installCommand: string) {
    super(`${binary} not found: install it with \`${installCommand}\``);
    this.name = 'MissingBinaryError';
    this.stack = `${this.name}: ${this.message}`;
  }
}
