// TEMPORARY: the CLI is being written; this keeps the tree building meanwhile.
int main() { return 0; }
