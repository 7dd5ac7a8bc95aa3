-- Takes one request from every window in one round trip and one atomic statement, or nothing: the caller passes
-- what it computed from its clock (window starts, whether the batch reserve is released, whether a boundary guard
-- is on), the function reads the limits in force and answers why it refused, if it did.
-- refused: null (taken), 'PAUSED' (the core answered 429 earlier), 'GUARD', 'MINUTE' or 'HOUR' (the window is used
-- up for this lane), with the limits it saw.
create function take_quota(p_batch boolean, p_now timestamptz,
                           p_minute_start timestamptz, p_minute_released boolean, p_minute_guarded boolean,
                           p_hour_start timestamptz, p_hour_released boolean, p_hour_guarded boolean)
    returns table (refused varchar, paused_until timestamptz, per_minute bigint, per_hour bigint,
                   interactive_reserve numeric)
    language plpgsql as $$
declare
    limits quota_limits%rowtype;
begin
    select * into limits from quota_limits where id = 1;
    per_minute := limits.per_minute;
    per_hour := limits.per_hour;
    interactive_reserve := limits.interactive_reserve;
    if limits.core_paused_until is not null and limits.core_paused_until > p_now then
        refused := 'PAUSED';
        paused_until := limits.core_paused_until;
    elsif (limits.per_minute is not null and p_minute_guarded) or (limits.per_hour is not null and p_hour_guarded) then
        refused := 'GUARD';
    else
        begin
            -- minute before hour, always, so that two callers lock the rows in the same order
            if not take_quota_window('MINUTE', p_minute_start,
                    usable_quota(limits.per_minute, limits.interactive_reserve, p_batch and not p_minute_released)) then
                raise exception using errcode = 'BSQ01', message = 'MINUTE';
            end if;
            if not take_quota_window('HOUR', p_hour_start,
                    usable_quota(limits.per_hour, limits.interactive_reserve, p_batch and not p_hour_released)) then
                raise exception using errcode = 'BSQ01', message = 'HOUR';
            end if;
        exception when sqlstate 'BSQ01' then
            -- the block's changes are undone: a request is taken from every window or from none
            refused := sqlerrm;
        end;
    end if;
    return next;
end $$;

-- How many requests of a window a lane may use: all of them, less the interactive reserve for batch work until
-- the window's last tenth. No limit: as many as there are.
create function usable_quota(p_limit bigint, p_reserve numeric, p_keep_reserve boolean) returns bigint
    language sql immutable as $$
select case
           when p_limit is null then 9223372036854775807
           when p_keep_reserve then p_limit - floor(p_limit * p_reserve)::bigint
           else p_limit
       end
$$;

-- Counts one request in the window if it has room; PostgreSQL re-checks the condition on the newest row version
-- after waiting for another caller's lock, so the count can never pass the limit.
create function take_quota_window(p_kind varchar, p_start timestamptz, p_usable bigint) returns boolean
    language plpgsql as $$
begin
    if p_usable <= 0 then
        return false;
    end if;
    insert into quota_usage (window_kind, window_start, used) values (p_kind, p_start, 1)
    on conflict (window_kind, window_start) do update set used = quota_usage.used + 1
    where quota_usage.used < p_usable;
    return found;
end $$;
