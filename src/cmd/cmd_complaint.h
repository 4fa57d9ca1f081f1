/* The 12315 desk's commands share these: complaint (cmd_complaint.c),
 * tipoff (cmd_tipoff.c) and consult (cmd_consult.c) differ only in the kind
 * of item and the steps of its workflow. */
#ifndef SMCON_CMD_COMPLAINT_H
#define SMCON_CMD_COMPLAINT_H

#include "cmd/command.h"
#include "domain/complaint.h"

/* new: intake_kind is complaint, report or consultation (the options may
 * turn it into both or suggestion). */
enum status desk_cmd_new(struct cmd_ctx *ctx, const struct cmd_args *a, const char *intake_kind);
enum status desk_cmd_list(struct cmd_ctx *ctx, const struct cmd_args *a, enum desk_kind k);
enum status desk_cmd_show(struct cmd_ctx *ctx, const struct cmd_args *a, enum desk_kind k);
/* A step on the item named by the first argument; a, b, c as in
 * desk_step_run(). Prints the item's new state and clock. */
enum status desk_cmd_step(struct cmd_ctx *ctx, const struct cmd_args *args, enum desk_kind k,
                          enum desk_step s, const char *a, const char *b, const char *c);
/* The steps every kind shares, options read here. */
enum status desk_cmd_assign(struct cmd_ctx *ctx, const struct cmd_args *a, enum desk_kind k);
enum status desk_cmd_pause(struct cmd_ctx *ctx, const struct cmd_args *a, enum desk_kind k);
enum status desk_cmd_resume(struct cmd_ctx *ctx, const struct cmd_args *a, enum desk_kind k);
enum status desk_cmd_extend(struct cmd_ctx *ctx, const struct cmd_args *a, enum desk_kind k);
enum status desk_cmd_transfer(struct cmd_ctx *ctx, const struct cmd_args *a, enum desk_kind k);
enum status desk_cmd_merge(struct cmd_ctx *ctx, const struct cmd_args *a, enum desk_kind k);
enum status desk_cmd_apart(struct cmd_ctx *ctx, const struct cmd_args *a, enum desk_kind k);
/* complaint complete (the §9 items) and complaint supervise. */
enum status desk_cmd_complete(struct cmd_ctx *ctx, const struct cmd_args *a);
enum status desk_cmd_supervise(struct cmd_ctx *ctx, const struct cmd_args *a);
/* A usage error naming the missing option. */
enum status desk_cmd_need(struct cmd_ctx *ctx, const char *opt);

extern const struct cmd_opt desk_list_opts[], desk_reason_opts[], desk_note_opts[],
    desk_assign_opts[], desk_extend_opts[], desk_transfer_opts[], desk_merge_opts[],
    desk_apart_opts[];

#endif
