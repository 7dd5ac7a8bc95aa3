-- One database per service, as in ./suite up.
create database accounts;
create database transfers;
create database simulator;
create database proxy;
create database adapter;
create database reconciliation;
